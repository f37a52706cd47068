package org.syncpost.mailbox.boundary.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.syncpost.job.boundary.ui.JobNavigation;
import org.syncpost.job.entity.Job;
import org.syncpost.mailbox.boundary.MailboxTests;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.entity.DeliveryChange;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.boundary.ui.FacesFeedback;

/**
 * The guide's "Active Mailboxes": select several, then approve, reject, apply the default email
 * settings, edit profile and delivery methods, or test and enable them.
 */
@Named
@ViewScoped
public class MailboxesPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "mailboxes";
  private static final int SHOWN = 5000;

  @Inject transient Mailboxes mailboxes;
  @Inject transient MailboxTests tests;
  @Inject transient Settings settings;
  @Inject transient Profiles profiles;
  @Inject transient FacesFeedback feedback;
  @Inject transient JobNavigation navigation;

  private List<Mailbox> all;
  private List<Mailbox> filtered;
  private List<Mailbox> selected = new ArrayList<>();
  private OrganisationSettings defaults;
  private boolean testAfterApplying = true;
  private Long editProfileId;
  private DeliveryMethod editIncoming = DeliveryMethod.SERVER_SIDE_SYNC;
  private DeliveryMethod editOutgoing = DeliveryMethod.SERVER_SIDE_SYNC;
  private DeliveryMethod editAppointments = DeliveryMethod.NONE;
  private List<EmailServerProfile> profileChoices = List.of();

  @PostConstruct
  void load() {
    all = mailboxes.list(null, 0, SHOWN);
    filtered = null;
  }

  public void approveSelected() {
    decide("approved", id -> mailboxes.approve(id));
  }

  public void rejectSelected() {
    decide("rejected", id -> mailboxes.reject(id));
  }

  private void decide(String outcome, java.util.function.LongConsumer decision) {
    List<Long> ids = selectedIds();
    if (ids.isEmpty()) {
      feedback.error("Select the mailboxes first.");
      return;
    }
    int done = 0;
    for (Long id : ids) {
      if (feedback.attempt(FORM, () -> decision.accept(id))) {
        done++;
      }
    }
    feedback.info(done + " of " + ids.size() + " mailboxes " + outcome + ".");
    reload();
  }

  /** Opens the confirmation that shows what "the defaults" are before they are applied. */
  public void prepareDefaults() {
    defaults = settings.current();
    testAfterApplying = true;
  }

  public void applyDefaults() {
    List<Long> ids = selectedIds();
    if (testAfterApplying) {
      Job job = feedback.attempt(FORM, () -> tests.applyDefaultSettingsAndTest(ids));
      if (job != null) {
        navigation.show(job);
      }
    } else if (feedback.attempt(FORM, () -> mailboxes.applyDefaultSettings(ids)) != null) {
      feedback.info("Default email settings applied to " + ids.size() + " mailboxes.");
      reload();
    }
  }

  public void prepareEdit() {
    profileChoices = profiles.list(0, SHOWN);
  }

  /** The guide's "Change Multiple Records": one profile and delivery methods for all selected. */
  public void changeDelivery() {
    List<Long> ids = selectedIds();
    if (feedback.attempt(
            FORM,
            () ->
                mailboxes.changeDelivery(
                    new DeliveryChange(
                        ids, editProfileId, editIncoming, editOutgoing, editAppointments)))
        != null) {
      feedback.info("Changed " + ids.size() + " mailboxes.");
      reload();
    }
  }

  public void testAndEnableSelected() {
    List<Long> ids = selectedIds();
    Job job = feedback.attempt(FORM, () -> tests.testAndEnable(ids));
    if (job != null) {
      navigation.show(job);
    }
  }

  private void reload() {
    load();
    selected = new ArrayList<>();
  }

  private List<Long> selectedIds() {
    return selected == null ? List.of() : selected.stream().map(Mailbox::getId).toList();
  }

  public List<DeliveryMethod> getDeliveryMethods() {
    return Arrays.asList(DeliveryMethod.values());
  }

  public List<Mailbox> getAll() {
    return all;
  }

  public List<Mailbox> getFiltered() {
    return filtered;
  }

  public void setFiltered(List<Mailbox> filtered) {
    this.filtered = filtered;
  }

  public List<Mailbox> getSelected() {
    return selected;
  }

  public void setSelected(List<Mailbox> selected) {
    this.selected = selected;
  }

  public OrganisationSettings getDefaults() {
    return defaults;
  }

  public boolean isTestAfterApplying() {
    return testAfterApplying;
  }

  public void setTestAfterApplying(boolean testAfterApplying) {
    this.testAfterApplying = testAfterApplying;
  }

  public List<EmailServerProfile> getProfileChoices() {
    return profileChoices;
  }

  public Long getEditProfileId() {
    return editProfileId;
  }

  public void setEditProfileId(Long editProfileId) {
    this.editProfileId = editProfileId;
  }

  public DeliveryMethod getEditIncoming() {
    return editIncoming;
  }

  public void setEditIncoming(DeliveryMethod editIncoming) {
    this.editIncoming = editIncoming;
  }

  public DeliveryMethod getEditOutgoing() {
    return editOutgoing;
  }

  public void setEditOutgoing(DeliveryMethod editOutgoing) {
    this.editOutgoing = editOutgoing;
  }

  public DeliveryMethod getEditAppointments() {
    return editAppointments;
  }

  public void setEditAppointments(DeliveryMethod editAppointments) {
    this.editAppointments = editAppointments;
  }
}
