package org.syncpost.profile.boundary.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.profile.entity.EmailServerProfile;

/** The list of email server profiles; sorting and filtering happen in the table. */
@Named
@ViewScoped
public class ProfilesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Organisations have a handful of profiles; more than this would want a lazy table. */
  private static final int SHOWN = 1000;

  @Inject transient Profiles profiles;

  private List<EmailServerProfile> all;
  private List<EmailServerProfile> filtered;

  @PostConstruct
  void load() {
    all = profiles.list(0, SHOWN);
  }

  public List<EmailServerProfile> getAll() {
    return all;
  }

  public List<EmailServerProfile> getFiltered() {
    return filtered;
  }

  public void setFiltered(List<EmailServerProfile> filtered) {
    this.filtered = filtered;
  }
}
