package org.syncpost.profile.boundary.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.profile.entity.EmailServerProfile;

/**
 * The profiles a page offers to choose from, e.g. the settings page's default profile: pages of
 * lower capabilities name it in their Facelets and need not know the profiles (ADR 0013).
 */
@Named
@ViewScoped
public class ProfileChoices implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int PROFILES_OFFERED = 1000;

  @Inject transient Profiles profiles;

  private List<EmailServerProfile> all;

  public List<EmailServerProfile> getAll() {
    if (all == null) {
      all = profiles.list(0, PROFILES_OFFERED);
    }
    return all;
  }
}
