package org.syncpost.job.boundary.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.syncpost.job.entity.Job;

/** Pages that start a background job show its progress next. */
@ApplicationScoped
public class JobNavigation {

  public void show(Job job) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    try {
      external.redirect(
          external.getRequestContextPath() + "/admin/job/job.xhtml?id=" + job.getId());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
