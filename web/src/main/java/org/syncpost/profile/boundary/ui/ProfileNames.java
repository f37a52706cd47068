package org.syncpost.profile.boundary.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.validation.boundary.ui.NamesById;

/** Email server profiles by name where a page holds only their ids (alerts). */
@Named
@ViewScoped
public class ProfileNames extends NamesById {

  private static final long serialVersionUID = 1L;
  static final String GONE = "An email server profile no longer there";

  @Inject transient Profiles profiles;

  public ProfileNames() {
    super(GONE);
  }

  @Override
  protected String read(long id) {
    return profiles.find(id).getName();
  }
}
