package org.syncpost.settings.boundary.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.boundary.ui.FacesFeedback;

/** The guide's "Email Configuration Settings": defaults for mailboxes, approval, limits, alerts. */
@Named
@ViewScoped
public class SettingsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "settings";

  @Inject transient Settings settings;
  @Inject transient FacesFeedback feedback;

  private SettingsForm form;

  /** The version the form was opened with: saving refuses what someone else saved meanwhile. */
  private Long version;

  @PostConstruct
  void load() {
    OrganisationSettings current = settings.current();
    form = SettingsForm.of(current.asEmailSettings());
    version = current.getVersion();
  }

  public void save() {
    OrganisationSettings saved =
        feedback.attempt(FORM, () -> settings.change(form.settings(), version));
    if (saved != null) {
      form = SettingsForm.of(saved.asEmailSettings());
      version = saved.getVersion();
      feedback.info("Email configuration settings saved.");
    }
  }

  public List<DeliveryMethod> getDeliveryMethods() {
    return Arrays.asList(DeliveryMethod.values());
  }

  public String label(DeliveryMethod method) {
    return method == DeliveryMethod.SERVER_SIDE_SYNC ? "Server-side synchronization" : "None";
  }

  public SettingsForm getForm() {
    return form;
  }
}
