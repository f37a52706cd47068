package org.syncpost.profile.boundary.ui;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.NotFound;

/** Email server profiles by name where a page holds only their ids (alerts); read once per view. */
@Named
@ViewScoped
public class ProfileNames implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String GONE = "An email server profile no longer there";

  @Inject transient Profiles profiles;

  private final Map<Long, String> names = new HashMap<>();

  /** The profile's name; words saying it is gone when it was deleted or is not the viewer's. */
  public String of(Long id) {
    if (id == null) {
      return null;
    }
    return names.computeIfAbsent(id, this::read);
  }

  private String read(long id) {
    try {
      return profiles.find(id).getName();
    } catch (NotFound | AccessDenied | EJBAccessException gone) {
      return GONE;
    }
  }
}
