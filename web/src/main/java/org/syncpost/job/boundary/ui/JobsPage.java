package org.syncpost.job.boundary.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.syncpost.job.boundary.Jobs;
import org.syncpost.job.entity.Job;

/** Recent background jobs, newest first. */
@Named
@ViewScoped
public class JobsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 200;

  @Inject transient Jobs jobs;

  private List<Job> recent;

  @PostConstruct
  void load() {
    recent = jobs.list(0, SHOWN);
  }

  public List<Job> getRecent() {
    return recent;
  }
}
