package org.syncpost.job.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.syncpost.job.entity.Job;
import org.syncpost.job.entity.JobKind;
import org.syncpost.job.entity.JobStatus;

/**
 * A background job with the names of the REST JSON contract: progress and per mailbox its result.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    name = "job",
    propOrder = {
      "id",
      "kind",
      "status",
      "total",
      "done",
      "startedOn",
      "finishedOn",
      "requestedBy",
      "message",
      "results"
    })
public class JobView {

  public long id;
  public JobKind kind;
  public JobStatus status;
  public int total;
  public long done;
  public Instant startedOn;
  public Instant finishedOn;
  public String requestedBy;
  public String message;
  public List<JobResult> results = new ArrayList<>();

  public static JobView of(Job job) {
    JobView view = new JobView();
    view.id = job.getId();
    view.kind = job.getKind();
    view.status = job.getStatus();
    view.total = job.getTotal();
    view.done = job.getDone();
    view.startedOn = job.getStartedOn();
    view.finishedOn = job.getFinishedOn();
    view.requestedBy = job.getRequestedBy();
    view.message = job.getMessage();
    job.getItems().stream().map(JobResult::of).forEach(view.results::add);
    return view;
  }
}
