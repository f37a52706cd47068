package org.syncpost.job.boundary.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.syncpost.job.boundary.Jobs;
import org.syncpost.job.entity.Job;
import org.syncpost.job.entity.JobItem;
import org.syncpost.validation.boundary.ui.FacesFeedback;

/** One background job: a progress bar that moves while it runs, then every mailbox's result. */
@Named
@ViewScoped
public class JobPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Jobs jobs;
  @Inject transient FacesFeedback feedback;

  private Long id;
  private Job job;

  /** Called on open and by every poll: the job is read afresh, its workers change it. */
  public void refresh() {
    if (id != null) {
      job = feedback.attempt("job", () -> jobs.find(id));
    }
  }

  /** Whole percent done; a job without mailboxes is done at once. */
  public int getProgress() {
    if (job == null) {
      return 0;
    }
    if (job.getTotal() == 0 || job.getStatus().isFinished()) {
      return 100;
    }
    return (int) (job.getDone() * 100 / job.getTotal());
  }

  public boolean isFinished() {
    return job != null && job.getStatus().isFinished();
  }

  public List<JobItem> getItems() {
    return job == null ? List.of() : job.getItems();
  }

  public Job getJob() {
    return job;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
