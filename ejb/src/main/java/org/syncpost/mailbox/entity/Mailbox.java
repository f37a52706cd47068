package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.syncpost.audit.entity.Tracked;
import org.syncpost.crypto.control.SecretConverter;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.User;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.ServerType;
import org.syncpost.settings.entity.AppointmentsNotSupported;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.entity.Violation;

/**
 * The mailbox of one user or queue: which server profile reaches it, whether SyncPost processes its
 * mail, whether its address is approved, how its last test went, and its sync health.
 */
@Entity
@Table(name = "mailbox")
@NamedQuery(
    name = Mailbox.FILTERED,
    query =
        "select m from Mailbox m where (:ownerId = 0 or m.owner.id = :ownerId)"
            + " and (:profileId = 0 or m.profile.id = :profileId) order by m.name, m.id")
@NamedQuery(
    name = Mailbox.COUNT_FILTERED,
    query =
        "select count(m) from Mailbox m where (:ownerId = 0 or m.owner.id = :ownerId)"
            + " and (:profileId = 0 or m.profile.id = :profileId)")
@NamedQuery(
    name = Mailbox.WITH_EMAIL,
    query = "select m from Mailbox m where lower(m.email) = lower(:email)")
public class Mailbox extends Tracked {

  /**
   * The {@link #FILTERED} and {@link #COUNT_FILTERED} parameter value for "any owner" or "any
   * profile" (ids are positive). Not null: EclipseLink binds a null as VARCHAR, which PostgreSQL
   * refuses to compare with a bigint column.
   */
  public static final long ANY = 0L;

  /** Messages the process-from rule left out (issue 13); written by the incoming engine. */
  @Embedded private ProcessFromSkips processFromSkips = new ProcessFromSkips();

  public static final String FILTERED = "Mailbox.filtered";
  public static final String COUNT_FILTERED = "Mailbox.countFiltered";
  public static final String WITH_EMAIL = "Mailbox.withEmail";
  public static final String DEFAULT_FOLDERS = "INBOX";
  public static final String DEFAULT_SENT_FOLDER = "Sent";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailbox_seq")
  @SequenceGenerator(name = "mailbox_seq", sequenceName = "mailbox_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 320)
  private String email;

  @ManyToOne
  @JoinColumn(name = "owner_id")
  private User owner;

  @OneToOne
  @JoinColumn(name = "regarding_user_id")
  private User regardingUser;

  @OneToOne
  @JoinColumn(name = "regarding_queue_id")
  private Queue regardingQueue;

  @ManyToOne
  @JoinColumn(name = "profile_id")
  private EmailServerProfile profile;

  @Enumerated(EnumType.STRING)
  @Column(name = "incoming_delivery_method", nullable = false, length = 20)
  private DeliveryMethod incomingDeliveryMethod;

  @Enumerated(EnumType.STRING)
  @Column(name = "outgoing_delivery_method", nullable = false, length = 20)
  private DeliveryMethod outgoingDeliveryMethod;

  @Enumerated(EnumType.STRING)
  @Column(name = "appointments_delivery_method", nullable = false, length = 20)
  private DeliveryMethod appointmentsDeliveryMethod;

  @Column(length = 320)
  private String username;

  @Convert(converter = SecretConverter.class)
  @Column(length = 1000)
  private Secret password;

  @Column(name = "allow_credential_use", nullable = false)
  private boolean allowCredentialUse;

  @Enumerated(EnumType.STRING)
  @Column(name = "approval_status", nullable = false, length = 20)
  private ApprovalStatus approvalStatus;

  @Column(name = "approval_decided_by", length = 100)
  private String approvalDecidedBy;

  @Column(name = "approval_decided_on")
  private Instant approvalDecidedOn;

  @Column(name = "enabled_for_incoming", nullable = false)
  private boolean enabledForIncoming;

  @Column(name = "enabled_for_outgoing", nullable = false)
  private boolean enabledForOutgoing;

  @Enumerated(EnumType.STRING)
  @Column(name = "incoming_status", nullable = false, length = 20)
  private TestStatus incomingStatus = TestStatus.NOT_RUN;

  @Enumerated(EnumType.STRING)
  @Column(name = "outgoing_status", nullable = false, length = 20)
  private TestStatus outgoingStatus = TestStatus.NOT_RUN;

  @Enumerated(EnumType.STRING)
  @Column(name = "appointments_status", nullable = false, length = 20)
  private TestStatus appointmentsStatus = TestStatus.NOT_RUN;

  @Column(name = "test_completed_on")
  private Instant testCompletedOn;

  @Column(name = "test_attempted_by", length = 100)
  private String testAttemptedBy;

  @Column(name = "test_attempted_on")
  private Instant testAttemptedOn;

  @Column(name = "process_email_received_after")
  private Instant processEmailReceivedAfter;

  @Enumerated(EnumType.STRING)
  @Column(name = "action_after_processing", nullable = false, length = 20)
  private ActionAfterProcessing actionAfterProcessing = ActionAfterProcessing.NONE;

  @Column(name = "move_to_folder", length = 1000)
  private String moveToFolder;

  @Column(nullable = false, length = 2000)
  private String folders = DEFAULT_FOLDERS;

  /** After SMTP accepted a message, a copy goes into this IMAP folder (RFC 3501 APPEND). */
  @Column(name = "copy_to_sent_folder", nullable = false)
  private boolean copyToSentFolder;

  @Column(name = "sent_folder", length = 255)
  private String sentFolder;

  @Column(name = "next_incoming_poll_at")
  private Instant nextIncomingPollAt;

  @Column(name = "sending_postponed_until")
  private Instant sendingPostponedUntil;

  @Column(name = "last_sync_started_on")
  private Instant lastSyncStartedOn;

  @Column(name = "last_sync_succeeded_on")
  private Instant lastSyncSucceededOn;

  @Column(name = "items_processed_last_cycle", nullable = false)
  private int itemsProcessedLastCycle;

  @Column(name = "items_failed_last_cycle", nullable = false)
  private int itemsFailedLastCycle;

  @Column(name = "last_error_code", length = 60)
  private String lastErrorCode;

  @Column(name = "last_error_text", length = 2000)
  private String lastErrorText;

  @Column(name = "consecutive_errors", nullable = false)
  private int consecutiveErrors;

  @Column(name = "transient_failures", nullable = false)
  private int transientFailures;

  @Enumerated(EnumType.STRING)
  @Column(name = "push_incoming_email", nullable = false, length = 20)
  private PushSetting pushIncomingEmail = PushSetting.AS_PROFILE;

  /** Written by the node that listens (native SQL, no version change): read-only here. */
  @Enumerated(EnumType.STRING)
  @Column(name = "push_status", length = 30, insertable = false, updatable = false)
  private PushStatus pushStatus;

  @Column(name = "push_status_text", length = 2000, insertable = false, updatable = false)
  private String pushStatusText;

  @Column(name = "incoming_disabled_by_policy", nullable = false)
  private boolean incomingDisabledByPolicy;

  @Column(name = "incoming_retest_at")
  private Instant incomingRetestAt;

  @Column(name = "incoming_retests", nullable = false)
  private int incomingRetests;

  @Column(name = "lease_owner", length = 100)
  private String leaseOwner;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(nullable = false)
  private boolean active = true;

  @Column(name = "protocol_trace", nullable = false)
  private boolean protocolTrace;

  protected Mailbox() {}

  private Mailbox(
      String name, String email, User owner, OrganisationSettings defaults, boolean forQueue) {
    this.name = name;
    this.email = email;
    this.owner = owner;
    this.profile = defaults.getDefaultProfile();
    this.incomingDeliveryMethod = defaults.getIncomingDeliveryMethod();
    this.outgoingDeliveryMethod = defaults.getOutgoingDeliveryMethod();
    this.appointmentsDeliveryMethod = defaults.getAppointmentsDeliveryMethod();
    this.approvalStatus =
        defaults.requiresApproval(forQueue) ? ApprovalStatus.PENDING : ApprovalStatus.EMPTY;
  }

  /** The mailbox every user gets, set up with the organisation's defaults. */
  public static Mailbox of(User user, OrganisationSettings defaults) {
    Mailbox mailbox = new Mailbox(user.getName(), user.getEmail(), user, defaults, false);
    mailbox.regardingUser = user;
    return mailbox;
  }

  /** The mailbox every queue gets, owned by the queue's owner. */
  public static Mailbox of(Queue queue, OrganisationSettings defaults) {
    Mailbox mailbox =
        new Mailbox(queue.getName(), queue.getEmail(), queue.getOwner(), defaults, true);
    mailbox.regardingQueue = queue;
    return mailbox;
  }

  public boolean isForQueue() {
    return regardingQueue != null;
  }

  /** Rules beyond single fields; {@code newProfile} is the profile the settings choose. */
  public List<Violation> violationsOf(MailboxSettings settings, EmailServerProfile newProfile) {
    List<Violation> found = new ArrayList<>();

    if (AppointmentsNotSupported.isRefused(settings.appointmentsDeliveryMethod())) {
      found.add(AppointmentsNotSupported.violation("appointmentsDeliveryMethod"));
    }
    ActionAfterProcessing action = settings.actionAfterProcessing();
    if (action == ActionAfterProcessing.DELETE && !isForQueue()) {
      found.add(
          new Violation(
              "actionAfterProcessing",
              "only a queue's mailbox may delete processed email from the server; a user's mail"
                  + " stays where it is (choose NONE, MARK_READ or MOVE_TO)"));
    }
    if (action != null
        && !action.isAvailableOverPop3()
        && newProfile != null
        && newProfile.getServerType() == ServerType.POP3_SMTP) {
      found.add(
          new Violation(
              "actionAfterProcessing",
              "a POP3 server has no read flags and no folders: over POP3 a processed message can"
                  + " only be left (NONE) or deleted (DELETE, queues only)"));
    }
    boolean folderNamed = settings.moveToFolder() != null && !settings.moveToFolder().isBlank();
    if (action == ActionAfterProcessing.MOVE_TO && !folderNamed) {
      found.add(
          new Violation(
              "moveToFolder",
              "name the folder processed email is moved to, e.g. Processed (it must exist on the"
                  + " server)"));
    }
    if (action != ActionAfterProcessing.MOVE_TO && folderNamed) {
      found.add(
          new Violation(
              "moveToFolder",
              "a folder to move to is used only with actionAfterProcessing MOVE_TO"));
    }
    return found;
  }

  /** An administrator's change; a new address must be approved again. */
  public void reconfigure(
      MailboxSettings settings, EmailServerProfile newProfile, boolean approvalRequired) {
    name = settings.name().strip();
    readdress(settings.email().strip(), approvalRequired);
    useDeliveryMethods(
        newProfile,
        settings.incomingDeliveryMethod(),
        settings.outgoingDeliveryMethod(),
        settings.appointmentsDeliveryMethod());
    changeCredentials(settings.username(), settings.password(), settings.allowCredentialUse());
    processEmailReceivedAfter = settings.processEmailReceivedAfter();
    actionAfterProcessing = settings.actionAfterProcessing();
    moveToFolder =
        actionAfterProcessing == ActionAfterProcessing.MOVE_TO
            ? settings.moveToFolder().strip()
            : null;
    folders = normalisedFolders(settings.folders());
    copyToSentFolder = Boolean.TRUE.equals(settings.copyToSentFolder());
    if (settings.pushIncomingEmail() != null) {
      pushIncomingEmail = settings.pushIncomingEmail();
    }
    sentFolder =
        settings.sentFolder() == null || settings.sentFolder().isBlank()
            ? null
            : settings.sentFolder().strip();
  }

  /** The bulk "Edit" of several mailboxes: profile and delivery methods only. */
  public void useDeliveryMethods(
      EmailServerProfile newProfile,
      DeliveryMethod incoming,
      DeliveryMethod outgoing,
      DeliveryMethod appointments) {
    if (!sameProfile(newProfile)) {
      // a new server has not been tested: the mailbox must be tested & enabled again
      stopRetesting();
      enabledForIncoming = false;
      enabledForOutgoing = false;
      incomingStatus = TestStatus.NOT_RUN;
      outgoingStatus = TestStatus.NOT_RUN;
    }
    profile = newProfile;
    incomingDeliveryMethod = incoming;
    outgoingDeliveryMethod = outgoing;
    appointmentsDeliveryMethod = appointments;
  }

  /** The mailbox owner's own change of the credentials SyncPost uses for their mailbox. */
  public void changeCredentials(String newUsername, Secret newPassword, boolean allowUse) {
    username = newUsername == null || newUsername.isBlank() ? null : newUsername.strip();
    if (newPassword != null) {
      password = newPassword;
    }
    allowCredentialUse = allowUse;
  }

  /** Another address has not been approved: it goes back to pending. */
  public void readdress(String newEmail, boolean approvalRequired) {
    if (!newEmail.equalsIgnoreCase(email)) {
      approvalStatus = approvalRequired ? ApprovalStatus.PENDING : ApprovalStatus.EMPTY;
      approvalDecidedBy = null;
      approvalDecidedOn = null;
    }
    email = newEmail;
  }

  /**
   * Records a test & enable: the outcome of each direction, who tried and when, and enables each
   * direction that passed — but only when the mailbox may process email at all ({@code mayEnable}:
   * approved, or approval not required). A failed direction is disabled.
   */
  public void recordTest(TestReport report, boolean mayEnable, String by, Instant at) {
    incomingStatus = report.incoming();
    outgoingStatus = report.outgoing();
    testAttemptedBy = by;
    testAttemptedOn = at;
    testCompletedOn = at;
    enabledForIncoming = mayEnable && report.incoming() == TestStatus.SUCCESS;
    enabledForOutgoing = mayEnable && report.outgoing() == TestStatus.SUCCESS;
    // an administrator's test decides now: no automatic re-test of what they saw fail
    stopRetesting();
    if (report.failureCode() == null) {
      lastErrorCode = null;
      lastErrorText = null;
      consecutiveErrors = 0;
      transientFailures = 0;
    } else {
      lastErrorCode = report.failureCode();
      lastErrorText =
          report.failureText() == null || report.failureText().length() <= 2000
              ? report.failureText()
              : report.failureText().substring(0, 2000);
    }
  }

  /** Whether incoming email of this mailbox is to be processed by SyncPost at all. */
  public boolean processesIncoming() {
    return incomingDeliveryMethod == DeliveryMethod.SERVER_SIDE_SYNC;
  }

  /** Whether outgoing email of this mailbox is to be sent by SyncPost at all. */
  public boolean processesOutgoing() {
    return outgoingDeliveryMethod == DeliveryMethod.SERVER_SIDE_SYNC;
  }

  /**
   * Turns the protocol trace of this mailbox's mail server connections on or off; it applies from
   * the next connection on, without a restart.
   */
  public void traceProtocol(boolean on) {
    protocolTrace = on;
  }

  public boolean isProtocolTrace() {
    return protocolTrace;
  }

  /** An approver allows this address to be processed. */
  public void approve(String by, Instant at) {
    decide(ApprovalStatus.APPROVED, by, at);
  }

  /** An approver refuses this address: it is not processed, and it is no longer enabled. */
  public void reject(String by, Instant at) {
    decide(ApprovalStatus.REJECTED, by, at);
    enabledForIncoming = false;
    enabledForOutgoing = false;
    stopRetesting();
  }

  /** Whether the mailbox may process email, given what the organisation requires. */
  public boolean isApprovedFor(OrganisationSettings organisation) {
    return approvalStatus.permitsProcessing(organisation.requiresApproval(isForQueue()));
  }

  private void decide(ApprovalStatus decision, String by, Instant at) {
    approvalStatus = decision;
    approvalDecidedBy = by;
    approvalDecidedOn = at;
  }

  // ---- outgoing: named state changes ----

  /**
   * Sending failed in a way that needs an administrator (sign-in refused, certificate not trusted):
   * outgoing is disabled until the mailbox is tested &amp; enabled again.
   */
  public void disableOutgoing(String errorCode, String errorText) {
    enabledForOutgoing = false;
    outgoingStatus = TestStatus.FAILURE;
    lastErrorCode = errorCode;
    lastErrorText =
        errorText == null || errorText.length() <= 2000 ? errorText : errorText.substring(0, 2000);
    consecutiveErrors++;
  }

  /** Why this mailbox cannot send now, in plain words; empty when it can. */
  public java.util.Optional<String> outgoingBlockedBecause(OrganisationSettings organisation) {
    if (!processesOutgoing()) {
      return java.util.Optional.of("its outgoing email is not set to server-side synchronization");
    }
    if (!isApprovedFor(organisation)) {
      return java.util.Optional.of(
          "its email address "
              + email
              + " is not approved, and the organisation sends email only for approved mailboxes");
    }
    if (!enabledForOutgoing) {
      return java.util.Optional.of(
          "it is not enabled for outgoing email (it has not passed test & enable, or sending failed"
              + " and disabled it)");
    }
    return java.util.Optional.empty();
  }

  // ---- end of outgoing state changes ----

  /** A queue changed hands: its mailbox follows. */
  public void transferOwnership(User newOwner) {
    owner = newOwner;
  }

  /** Drops the profile, e.g. when the profile is deleted; the mailbox stops processing. */
  public void detachFrom(EmailServerProfile removed) {
    if (sameProfile(removed)) {
      useDeliveryMethods(
          null, incomingDeliveryMethod, outgoingDeliveryMethod, appointmentsDeliveryMethod);
    }
  }

  public List<String> folderList() {
    return Arrays.stream(folders.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
  }

  // ---- incoming synchronization: scheduling and health (named state changes) ----

  /** Whether the scheduler should poll it now: processed, enabled, and its next poll is due. */
  public boolean isDueForIncoming(Instant now) {
    return active
        && processesIncoming()
        && enabledForIncoming
        && (nextIncomingPollAt == null || !nextIncomingPollAt.isAfter(now));
  }

  /** A synchronization cycle begins. */
  public void incomingSyncStarted(Instant at) {
    lastSyncStartedOn = at;
  }

  /**
   * A cycle completed: counters of this cycle, errors forgotten, next poll planned — unless push
   * woke the mailbox while this cycle ran (its next poll moved to a moment after the cycle began):
   * then it stays due, since the new message may have arrived after this cycle looked.
   */
  public void incomingSyncSucceeded(int processed, int failed, Instant at, Instant nextPoll) {
    boolean wokenMeanwhile =
        nextIncomingPollAt != null
            && lastSyncStartedOn != null
            && nextIncomingPollAt.isAfter(lastSyncStartedOn)
            && !nextIncomingPollAt.isAfter(at);
    if (wokenMeanwhile) {
      nextPoll = nextIncomingPollAt;
    }
    lastSyncSucceededOn = at;
    itemsProcessedLastCycle = processed;
    itemsFailedLastCycle = failed;
    consecutiveErrors = 0;
    transientFailures = 0;
    lastErrorCode = null;
    lastErrorText = null;
    nextIncomingPollAt = nextPoll;
  }

  /**
   * A cycle failed. A transient failure is retried at {@code retryAt} while fewer than {@code
   * retryCount} retries have been used; a permanent one, or a transient one beyond the limit,
   * disables incoming (test &amp; enable again).
   *
   * @return whether incoming is still enabled (a retry follows)
   */
  public boolean incomingSyncFailed(
      String code,
      String text,
      boolean transientFailure,
      int retryCount,
      Instant retryAt,
      Instant retestAt) {
    consecutiveErrors++;
    lastErrorCode = code;
    lastErrorText = text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    if (transientFailure && transientFailures < retryCount) {
      transientFailures++;
      nextIncomingPollAt = retryAt;
      return true;
    }
    disableIncoming(code, text);
    // the error policy disabled it, not an administrator: its server is tested again later
    incomingDisabledByPolicy = true;
    incomingRetestAt = retestAt;
    incomingRetests = 0;
    return false;
  }

  /** Whether the error policy disabled incoming and a re-test of its server is due. */
  public boolean isIncomingRetestDue(Instant now) {
    return incomingDisabledByPolicy
        && !enabledForIncoming
        && active
        && processesIncoming()
        && incomingRetestAt != null
        && !incomingRetestAt.isAfter(now);
  }

  /** A re-test found the server accepting the mailbox again: incoming is enabled again. */
  public void incomingRetestPassed(Instant at) {
    stopRetesting();
    enabledForIncoming = true;
    incomingStatus = TestStatus.SUCCESS;
    testCompletedOn = at;
    consecutiveErrors = 0;
    transientFailures = 0;
    lastErrorCode = null;
    lastErrorText = null;
    nextIncomingPollAt = at;
  }

  /** A re-test failed again: the next one after {@code nextAt}. */
  public void incomingRetestFailed(String code, String text, Instant nextAt) {
    incomingRetests++;
    incomingRetestAt = nextAt;
    lastErrorCode = code;
    lastErrorText = text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
  }

  public int getIncomingRetests() {
    return incomingRetests;
  }

  public Instant getIncomingRetestAt() {
    return incomingRetestAt;
  }

  public boolean isIncomingDisabledByPolicy() {
    return incomingDisabledByPolicy;
  }

  private void stopRetesting() {
    incomingDisabledByPolicy = false;
    incomingRetestAt = null;
    incomingRetests = 0;
  }

  /** A permanent failure, or transient ones beyond the retry limit: test &amp; enable again. */
  public void disableIncoming(String code, String text) {
    enabledForIncoming = false;
    incomingStatus = TestStatus.FAILURE;
    lastErrorCode = code;
    lastErrorText = text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
  }

  /** Polled again at {@code at} at the earliest, e.g. after an unapproved mailbox was skipped. */
  public void postponeIncoming(Instant at) {
    nextIncomingPollAt = at;
  }

  /** Whether this mailbox asks to be pushed new mail: IMAP, processed, and push on. */
  public boolean wantsPush() {
    return profile != null
        && profile.getServerType() == ServerType.IMAP_SMTP
        && pushIncomingEmail.wanted(profile.isPushIncomingEmail());
  }

  // ---- end of incoming synchronization ----

  private boolean sameProfile(EmailServerProfile other) {
    if (profile == null || other == null) {
      return profile == other;
    }
    return profile.getId() != null && profile.getId().equals(other.getId());
  }

  private static String normalisedFolders(String requested) {
    return String.join(
        ",",
        Arrays.stream(requested.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList());
  }

  @Override
  public Long getId() {
    return id;
  }

  public ProcessFromSkips getProcessFromSkips() {
    return processFromSkips == null ? new ProcessFromSkips() : processFromSkips;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public User getOwner() {
    return owner;
  }

  public User getRegardingUser() {
    return regardingUser;
  }

  public Queue getRegardingQueue() {
    return regardingQueue;
  }

  public EmailServerProfile getProfile() {
    return profile;
  }

  public DeliveryMethod getIncomingDeliveryMethod() {
    return incomingDeliveryMethod;
  }

  public DeliveryMethod getOutgoingDeliveryMethod() {
    return outgoingDeliveryMethod;
  }

  public DeliveryMethod getAppointmentsDeliveryMethod() {
    return appointmentsDeliveryMethod;
  }

  public String getUsername() {
    return username;
  }

  public boolean isPasswordSet() {
    return password != null;
  }

  /** The password, for the mail session only. */
  public Secret getPassword() {
    return password;
  }

  public boolean isAllowCredentialUse() {
    return allowCredentialUse;
  }

  public ApprovalStatus getApprovalStatus() {
    return approvalStatus;
  }

  public String getApprovalDecidedBy() {
    return approvalDecidedBy;
  }

  public Instant getApprovalDecidedOn() {
    return approvalDecidedOn;
  }

  public boolean isEnabledForIncoming() {
    return enabledForIncoming;
  }

  public boolean isEnabledForOutgoing() {
    return enabledForOutgoing;
  }

  public TestStatus getIncomingStatus() {
    return incomingStatus;
  }

  public TestStatus getOutgoingStatus() {
    return outgoingStatus;
  }

  public TestStatus getAppointmentsStatus() {
    return appointmentsStatus;
  }

  public Instant getTestCompletedOn() {
    return testCompletedOn;
  }

  public String getTestAttemptedBy() {
    return testAttemptedBy;
  }

  public Instant getTestAttemptedOn() {
    return testAttemptedOn;
  }

  public Instant getProcessEmailReceivedAfter() {
    return processEmailReceivedAfter;
  }

  public ActionAfterProcessing getActionAfterProcessing() {
    return actionAfterProcessing;
  }

  /** The folder processed email is moved to; only with {@link ActionAfterProcessing#MOVE_TO}. */
  public String getMoveToFolder() {
    return moveToFolder;
  }

  public boolean isCopyToSentFolder() {
    return copyToSentFolder;
  }

  /** The folder sent email is copied into: as set, or {@value #DEFAULT_SENT_FOLDER}. */
  public String getSentFolder() {
    return sentFolder == null ? DEFAULT_SENT_FOLDER : sentFolder;
  }

  public String getFolders() {
    return folders;
  }

  public Instant getNextIncomingPollAt() {
    return nextIncomingPollAt;
  }

  public Instant getSendingPostponedUntil() {
    return sendingPostponedUntil;
  }

  public Instant getLastSyncStartedOn() {
    return lastSyncStartedOn;
  }

  public Instant getLastSyncSucceededOn() {
    return lastSyncSucceededOn;
  }

  public int getItemsProcessedLastCycle() {
    return itemsProcessedLastCycle;
  }

  public int getItemsFailedLastCycle() {
    return itemsFailedLastCycle;
  }

  public String getLastErrorCode() {
    return lastErrorCode;
  }

  public String getLastErrorText() {
    return lastErrorText;
  }

  public int getConsecutiveErrors() {
    return consecutiveErrors;
  }

  public int getTransientFailures() {
    return transientFailures;
  }

  public String getLeaseOwner() {
    return leaseOwner;
  }

  public Instant getLeaseUntil() {
    return leaseUntil;
  }

  public PushSetting getPushIncomingEmail() {
    return pushIncomingEmail;
  }

  public PushStatus getPushStatus() {
    return pushStatus == null ? PushStatus.NOT_REQUESTED : pushStatus;
  }

  public String getPushStatusText() {
    return pushStatusText;
  }

  /**
   * Its user or queue was deleted while email records still belong to it: it neither receives nor
   * sends any more, and stays for those records.
   */
  public void deactivate() {
    active = false;
    enabledForIncoming = false;
    enabledForOutgoing = false;
  }

  public boolean isActive() {
    return active;
  }
}
