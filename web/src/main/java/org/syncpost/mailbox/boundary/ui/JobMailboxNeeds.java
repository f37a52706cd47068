package org.syncpost.mailbox.boundary.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.syncpost.directory.boundary.ui.SignedInUser;
import org.syncpost.job.entity.JobItem;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.entity.StillNeeded;

/**
 * What the mailboxes of a test &amp; enable job still lack (credentials, the owner's permission,
 * approval), shown on the job page with links to fix it: looked up when the page opens and once
 * more when the job has finished, not on every poll. Administrators and approvers see it; the
 * facade refuses it to mailbox owners.
 */
@Named
@ViewScoped
public class JobMailboxNeeds implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Mailboxes mailboxes;
  @Inject SignedInUser signedInUser;

  private List<StillNeeded> lacking;
  private boolean lookedUpWhenFinished;

  public List<StillNeeded> of(List<JobItem> items, boolean finished) {
    if (!signedInUser.isAdministrator() && !signedInUser.isApprover()) {
      return List.of();
    }
    if (lacking == null || (finished && !lookedUpWhenFinished)) {
      lacking = mailboxes.stillNeeded(items.stream().map(JobItem::getMailboxId).toList(), false);
      lookedUpWhenFinished = finished;
    }
    return lacking;
  }
}
