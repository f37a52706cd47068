package org.syncpost.job.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;
import org.syncpost.job.entity.ItemOutcome;
import org.syncpost.job.entity.JobItem;

/** The result of a job for one mailbox; no outcome yet while it waits or runs. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"mailboxId", "outcome", "message", "finishedOn"})
public class JobResult {

  public long mailboxId;
  public ItemOutcome outcome;
  public String message;
  public Instant finishedOn;

  static JobResult of(JobItem item) {
    JobResult result = new JobResult();
    result.mailboxId = item.getMailboxId();
    result.outcome = item.getOutcome();
    result.message = item.getMessage();
    result.finishedOn = item.getFinishedOn();
    return result;
  }
}
