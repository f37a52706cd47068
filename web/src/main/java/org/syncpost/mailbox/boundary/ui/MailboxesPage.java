package org.syncpost.mailbox.boundary.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.syncpost.job.boundary.ui.JobNavigation;
import org.syncpost.job.entity.Job;
import org.syncpost.mailbox.boundary.MailboxTests;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.entity.ApprovalStatus;
import org.syncpost.mailbox.entity.DeliveryChange;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.MailboxFilter;
import org.syncpost.mailbox.entity.MailboxSort;
import org.syncpost.mailbox.entity.StillNeeded;
import org.syncpost.mailbox.entity.TestStatus;
import org.syncpost.paging.boundary.ui.PagedRows;
import org.syncpost.paging.boundary.ui.PagedRows.Columns;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.boundary.ui.FacesFeedback;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.NotFound;

/**
 * The guide's "Active Mailboxes": select several, then approve, reject, apply the default email
 * settings, edit profile and delivery methods, or test and enable them.
 */
@Named
@ViewScoped
public class MailboxesPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "mailboxes";

  /**
   * The most mailboxes "select all matching" takes: one bulk action is one request, and an
   * organisation with more mailboxes narrows the filter (by profile or status) instead.
   */
  static final int MOST_SELECTED = 50_000;

  private List<StillNeeded> stillNeeded;
  private static final int PROFILE_CHOICES = 1000;
  private static final Map<String, MailboxSort> SORTS =
      Map.of(
          "name", MailboxSort.NAME,
          "email", MailboxSort.EMAIL,
          "profile.name", MailboxSort.PROFILE,
          "approval.status", MailboxSort.APPROVAL,
          "incoming.status", MailboxSort.INCOMING_STATUS,
          "outgoing.status", MailboxSort.OUTGOING_STATUS,
          "incoming.enabled", MailboxSort.ENABLED);

  @Inject transient Mailboxes mailboxes;
  @Inject transient MailboxTests tests;
  @Inject transient Settings settings;
  @Inject transient Profiles profiles;
  @Inject transient FacesFeedback feedback;
  @Inject transient JobNavigation navigation;

  private final PagedRows<Mailbox> rows =
      new PagedRows<>(this::load, this::count, Mailbox::getId, this::selectedElsewhere);
  private List<Mailbox> selected = new ArrayList<>();
  private MailboxFilter allMatching;
  private long allMatchingCount;
  private OrganisationSettings defaults;
  private EmailServerProfile defaultProfile;
  private boolean testAfterApplying = true;
  private Long editProfileId;
  private DeliveryMethod editIncoming = DeliveryMethod.SERVER_SIDE_SYNC;
  private DeliveryMethod editOutgoing = DeliveryMethod.SERVER_SIDE_SYNC;
  private DeliveryMethod editAppointments = DeliveryMethod.NONE;
  private List<EmailServerProfile> profileChoices = List.of();
  private boolean moreProfiles;

  private List<Mailbox> load(int offset, int limit) {
    List<Mailbox> page = feedback.attempt(FORM, () -> mailboxes.search(filter(), offset, limit));
    return page == null ? List.of() : page;
  }

  private long count() {
    Long total = feedback.attempt(FORM, () -> mailboxes.countMatching(filter()));
    return total == null ? 0 : total;
  }

  /** A row selected on another page: the facade decides whether the caller may see it. */
  private Mailbox selectedElsewhere(String key) {
    try {
      return mailboxes.find(Long.parseLong(key));
    } catch (NumberFormatException | NotFound | AccessDenied gone) {
      return null;
    }
  }

  /** The table's filters and sort, as the facade's query parameters. */
  private MailboxFilter filter() {
    Columns columns = rows.columns();
    return new MailboxFilter(
        columns.search(),
        columns.text("name"),
        columns.text("email"),
        columns.text("profile.name"),
        columns.choice("approval.status", ApprovalStatus.class),
        columns.choice("incoming.status", TestStatus.class),
        columns.choice("outgoing.status", TestStatus.class),
        columns.sort(SORTS, MailboxSort.NAME),
        columns.descending());
  }

  /**
   * The next bulk action applies to every mailbox the filters match, on all pages, not only the
   * ticked ones.
   */
  public void selectAllMatching() {
    MailboxFilter filter = filter();
    Long matching = feedback.attempt(FORM, () -> mailboxes.countMatching(filter));
    if (matching == null) {
      return;
    }
    if (matching == 0) {
      feedback.error("No mailbox matches the filters: clear or change them first.");
      return;
    }
    if (matching > MOST_SELECTED) {
      feedback.error(MailboxFilter.tooMany(matching, MOST_SELECTED));
      return;
    }
    allMatching = filter;
    allMatchingCount = matching;
  }

  /**
   * Back to the ticked rows; also when a filter changes, since "all matching" meant the old one.
   */
  public void clearAllMatching() {
    allMatching = null;
    allMatchingCount = 0;
  }

  public void approveSelected() {
    decide("approved", id -> mailboxes.approve(id));
  }

  public void rejectSelected() {
    decide("rejected", id -> mailboxes.reject(id));
  }

  private void decide(String outcome, java.util.function.LongConsumer decision) {
    List<Long> ids = selectedIds();
    if (ids == null) {
      return;
    }
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
    defaultProfile =
        defaults.getDefaultProfileId() == null
            ? null
            : profiles.find(defaults.getDefaultProfileId());
    testAfterApplying = true;
    List<Long> ids = selectedIds();
    stillNeeded =
        ids == null || ids.isEmpty()
            ? List.of()
            : feedback.attempt(FORM, () -> mailboxes.stillNeeded(ids, true));
  }

  /**
   * The selected mailboxes that lack something test &amp; enable needs (credentials, the owner's
   * permission, approval), said in the dialog before anything runs.
   */
  public List<StillNeeded> getStillNeeded() {
    return stillNeeded == null ? List.of() : stillNeeded;
  }

  public void applyDefaults() {
    List<Long> ids = selectedIds();
    if (ids == null) {
      return;
    }
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

  /**
   * Profiles are few (one per mail server an organisation uses), so the dialog offers them all up
   * to {@value #PROFILE_CHOICES}, and says so when there are more.
   */
  public void prepareEdit() {
    List<EmailServerProfile> found = profiles.list(0, PROFILE_CHOICES + 1);
    moreProfiles = found.size() > PROFILE_CHOICES;
    profileChoices = moreProfiles ? found.subList(0, PROFILE_CHOICES) : found;
  }

  /** The guide's "Change Multiple Records": one profile and delivery methods for all selected. */
  public void changeDelivery() {
    List<Long> ids = selectedIds();
    if (ids == null) {
      return;
    }
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
    if (ids == null) {
      return;
    }
    Job job = feedback.attempt(FORM, () -> tests.testAndEnable(ids));
    if (job != null) {
      navigation.show(job);
    }
  }

  private void reload() {
    selected = new ArrayList<>();
    clearAllMatching();
  }

  /**
   * The ids the next action applies to: all matching (asked of the database now), or the ticked
   * rows of any page; null when refused (the page says why).
   */
  private List<Long> selectedIds() {
    if (allMatching != null) {
      return feedback.attempt(FORM, () -> mailboxes.idsMatching(allMatching, MOST_SELECTED));
    }
    return selected == null ? List.of() : selected.stream().map(Mailbox::getId).toList();
  }

  public List<DeliveryMethod> getDeliveryMethods() {
    return Arrays.asList(DeliveryMethod.values());
  }

  public List<ApprovalStatus> getApprovalStatuses() {
    return Arrays.asList(ApprovalStatus.values());
  }

  public List<TestStatus> getTestStatuses() {
    return Arrays.asList(TestStatus.values());
  }

  public PagedRows<Mailbox> getRows() {
    return rows;
  }

  public boolean isAllMatching() {
    return allMatching != null;
  }

  public long getAllMatchingCount() {
    return allMatchingCount;
  }

  public boolean isMoreProfiles() {
    return moreProfiles;
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

  /** The organisation's default profile, or null: the settings know it by id only. */
  public EmailServerProfile getDefaultProfile() {
    return defaultProfile;
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
