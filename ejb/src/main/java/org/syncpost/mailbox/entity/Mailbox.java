package org.syncpost.mailbox.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
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
import java.util.List;
import org.syncpost.audit.entity.Tracked;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.User;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.ServerType;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.settings.entity.IncomingFilter;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.entity.Violation;

/**
 * The mailbox of one user or queue: which server profile reaches it, whether SyncPost processes its
 * mail, whether its address is approved, how its last test went, and its sync health — each an
 * immutable {@code @Embeddable} part, replaced as a whole by the named state changes here. A part
 * whose columns are all null is loaded by EclipseLink as {@code null}: its getter answers the empty
 * part then.
 */
@Entity
@Table(name = "mailbox")
@NamedQuery(
    name = Mailbox.COUNT_OF_PROFILE,
    query = "select count(m) from Mailbox m where m.profile.id = :profileId")
@NamedQuery(
    name = Mailbox.WITH_EMAIL,
    query = "select m from Mailbox m where lower(m.email) = lower(:email)")
public class Mailbox extends Tracked {

  /** Messages the process-from rule left out (issue 13); written by the incoming engine. */
  @Embedded private ProcessFromSkips processFromSkips = new ProcessFromSkips();

  @Embedded private FilteredOut filteredOut = new FilteredOut();

  @Embedded private HeldAsLoop heldAsLoop = new HeldAsLoop();

  public static final String COUNT_OF_PROFILE = "Mailbox.countOfProfile";
  public static final String WITH_EMAIL = "Mailbox.withEmail";

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

  @Embedded private DeliveryMethods delivery;

  @Enumerated(EnumType.STRING)
  @Column(name = "appointments_status", nullable = false, length = 20)
  private TestStatus appointmentsStatus = TestStatus.NOT_RUN;

  @Embedded private MailboxCredentials credentials = MailboxCredentials.none();

  @Embedded private Approval approval;

  @Embedded
  @AttributeOverride(name = "status", column = @Column(name = "outgoing_status"))
  @AttributeOverride(name = "enabled", column = @Column(name = "enabled_for_outgoing"))
  private TestResult outgoing = TestResult.notRun();

  @Embedded private TestAttempt testAttempt;

  @Embedded private MailHandling handling = MailHandling.defaults();

  @Embedded private IncomingSync sync = IncomingSync.fresh();

  @Embedded private LastError lastError = LastError.none();

  @Embedded private Push push = Push.asProfile();

  @Column(name = "sending_postponed_until")
  private Instant sendingPostponedUntil;

  @Column(nullable = false)
  private boolean active = true;

  @Column(name = "protocol_trace", nullable = false)
  private boolean protocolTrace;

  /**
   * Counts the changes of what people set (see {@link #getVersion}); the engine's writes do not.
   */
  @Column(name = "settings_version", nullable = false)
  private long settingsVersion;

  protected Mailbox() {}

  private Mailbox(
      String name,
      String email,
      User owner,
      OrganisationSettings defaults,
      EmailServerProfile defaultProfile,
      boolean forQueue) {
    this.name = name;
    this.email = email;
    this.owner = owner;
    this.profile = defaultProfile;
    this.delivery = DeliveryMethods.defaultsOf(defaults);
    this.approval = Approval.undecided(defaults.requiresApproval(forQueue));
  }

  /**
   * The mailbox every user gets, set up with the organisation's defaults; {@code defaultProfile} is
   * the one they name, or null.
   */
  public static Mailbox of(
      User user, OrganisationSettings defaults, EmailServerProfile defaultProfile) {
    Mailbox mailbox =
        new Mailbox(user.getName(), user.getEmail(), user, defaults, defaultProfile, false);
    mailbox.regardingUser = user;
    return mailbox;
  }

  /** The mailbox every queue gets, owned by the queue's owner. */
  public static Mailbox of(
      Queue queue, OrganisationSettings defaults, EmailServerProfile defaultProfile) {
    Mailbox mailbox =
        new Mailbox(
            queue.getName(), queue.getEmail(), queue.getOwner(), defaults, defaultProfile, true);
    mailbox.regardingQueue = queue;
    return mailbox;
  }

  public boolean isForQueue() {
    return regardingQueue != null;
  }

  /** Rules beyond single fields; {@code newProfile} is the profile the settings choose. */
  public List<Violation> violationsOf(MailboxSettings settings, EmailServerProfile newProfile) {
    return settings.violationsFor(isForQueue(), newProfile);
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
    handling = MailHandling.of(settings);
    if (settings.pushIncomingEmail() != null) {
      push = getPush().set(settings.pushIncomingEmail());
    }
  }

  /** The bulk "Edit" of several mailboxes: profile and delivery methods only. */
  public void useDeliveryMethods(
      EmailServerProfile newProfile,
      DeliveryMethod incomingMethod,
      DeliveryMethod outgoingMethod,
      DeliveryMethod appointmentsMethod) {
    if (!EmailServerProfile.same(profile, newProfile)) {
      // a new server has not been tested: the mailbox must be tested & enabled again
      sync = getSync().untested();
      outgoing = TestResult.notRun();
    }
    profile = newProfile;
    delivery = new DeliveryMethods(incomingMethod, outgoingMethod, appointmentsMethod);
    settingsVersion++;
  }

  /** The mailbox owner's own change of the credentials SyncPost uses for their mailbox. */
  public void changeCredentials(String newUsername, Secret newPassword, boolean allowUse) {
    credentials = getCredentials().changed(newUsername, newPassword, allowUse);
    settingsVersion++;
  }

  /** Another address has not been approved: it goes back to pending. */
  public void readdress(String newEmail, boolean approvalRequired) {
    if (!newEmail.equalsIgnoreCase(email)) {
      approval = Approval.undecided(approvalRequired);
    }
    email = newEmail;
  }

  /**
   * Records a test & enable: the outcome of each direction, who tried and when, and enables each
   * direction that passed — but only when the mailbox may process email at all ({@code mayEnable}:
   * approved, or approval not required). A failed direction is disabled.
   */
  public void recordTest(TestReport report, boolean mayEnable, String by, Instant at) {
    outgoing = TestResult.tested(report.outgoing(), mayEnable);
    testAttempt = TestAttempt.by(by, at);
    sync =
        getSync()
            .tested(TestResult.tested(report.incoming(), mayEnable), report.failureCode() == null);
    lastError =
        report.failureCode() == null
            ? LastError.none()
            : getLastError().shown(report.failureCode(), report.failureText());
  }

  /** Whether incoming email of this mailbox is to be processed by SyncPost at all. */
  public boolean processesIncoming() {
    return delivery.processesIncoming();
  }

  /** Whether outgoing email of this mailbox is to be sent by SyncPost at all. */
  public boolean processesOutgoing() {
    return delivery.processesOutgoing();
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
    approval = Approval.decided(ApprovalStatus.APPROVED, by, at);
  }

  /** An approver refuses this address: it is not processed, and it is no longer enabled. */
  public void reject(String by, Instant at) {
    approval = Approval.decided(ApprovalStatus.REJECTED, by, at);
    sync = getSync().rejected();
    outgoing = getOutgoing().disabled();
  }

  /** Whether the mailbox may process email, given what the organisation requires. */
  public boolean isApprovedFor(OrganisationSettings organisation) {
    return approval.permitsProcessing(organisation.requiresApproval(isForQueue()));
  }

  /**
   * Sending failed in a way that needs an administrator (sign-in refused, certificate not trusted):
   * outgoing is disabled until the mailbox is tested &amp; enabled again.
   */
  public void disableOutgoing(String errorCode, String errorText) {
    outgoing = TestResult.failed();
    lastError = getLastError().another(errorCode, errorText);
  }

  /** A queue changed hands: its mailbox follows. */
  public void transferOwnership(User newOwner) {
    owner = newOwner;
  }

  /** Whether the scheduler should poll it now: processed, enabled, and its next poll is due. */
  public boolean isDueForIncoming(Instant now) {
    return active && processesIncoming() && getSync().isPollDue(now);
  }

  /** A synchronization cycle begins. */
  public void incomingSyncStarted(Instant at) {
    sync = getSync().started(at);
  }

  /**
   * A cycle completed: counters of this cycle, errors forgotten, next poll planned — unless push
   * woke the mailbox while this cycle ran (see {@link IncomingHealth#succeeded}).
   */
  public void incomingSyncSucceeded(int processed, int failed, Instant at, Instant nextPoll) {
    sync = getSync().succeeded(processed, failed, at, nextPoll);
    lastError = LastError.none();
  }

  /**
   * A cycle failed: retried (see {@link IncomingSync#retries}), or incoming is disabled (test &amp;
   * enable again) and its server tested again at {@code retestAt} by the error policy.
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
    lastError = getLastError().another(code, text);
    boolean retried = getSync().retries(transientFailure, retryCount);
    sync = getSync().failed(transientFailure, retryCount, retryAt, retestAt);
    if (!retried) {
      lastError = getLastError().shown(code, text);
    }
    return retried;
  }

  /** Whether the error policy disabled incoming and a re-test of its server is due. */
  public boolean isIncomingRetestDue(Instant now) {
    return getSync().isRetestDue(now) && active && processesIncoming();
  }

  /** A re-test found the server accepting the mailbox again: incoming is enabled again. */
  public void incomingRetestPassed(Instant at) {
    sync = getSync().retestPassed(at);
    testAttempt = getTestAttempt().completedAt(at);
    lastError = LastError.none();
  }

  /** A re-test failed again: the next one after {@code nextAt}. */
  public void incomingRetestFailed(String code, String text, Instant nextAt) {
    sync = getSync().retestFailed(nextAt);
    lastError = getLastError().shown(code, text);
  }

  /** A permanent failure, or transient ones beyond the retry limit: test &amp; enable again. */
  public void disableIncoming(String code, String text) {
    sync = getSync().failedTest();
    lastError = getLastError().shown(code, text);
  }

  /** Polled again at {@code at} at the earliest, e.g. after an unapproved mailbox was skipped. */
  public void postponeIncoming(Instant at) {
    sync = getSync().postponed(at);
  }

  /** Whether this mailbox asks to be pushed new mail: IMAP, processed, and push on. */
  public boolean wantsPush() {
    return profile != null
        && profile.getServerType() == ServerType.IMAP_SMTP
        && getPush().wanted(profile.isPushIncomingEmail());
  }

  /**
   * Its user or queue was deleted while email records still belong to it: it neither receives nor
   * sends any more, and stays for those records.
   */
  public void deactivate() {
    active = false;
    sync = getSync().disabled();
    outgoing = getOutgoing().disabled();
  }

  public DeliveryMethods getDelivery() {
    return delivery;
  }

  public MailboxCredentials getCredentials() {
    return credentials == null ? MailboxCredentials.none() : credentials;
  }

  public Approval getApproval() {
    return approval;
  }

  public TestResult getIncoming() {
    return getSync().getIncoming();
  }

  public TestResult getOutgoing() {
    return outgoing == null ? TestResult.notRun() : outgoing;
  }

  public TestAttempt getTestAttempt() {
    return testAttempt == null ? TestAttempt.NONE : testAttempt;
  }

  public MailHandling getHandling() {
    return handling == null ? MailHandling.defaults() : handling;
  }

  private IncomingSync getSync() {
    return sync == null ? IncomingSync.fresh() : sync;
  }

  public IncomingHealth getHealth() {
    return getSync().getHealth();
  }

  public LastError getLastError() {
    return lastError == null ? LastError.none() : lastError;
  }

  public IncomingRetest getRetest() {
    return getSync().getRetest();
  }

  public Push getPush() {
    return push == null ? Push.asProfile() : push;
  }

  /**
   * The version that an edit (form, REST If-Match, SOAP) is checked against: every poll writes the
   * mailbox's sync state, which must not turn an administrator's save into a conflict.
   */
  @Override
  public long getVersion() {
    return settingsVersion;
  }

  public Long getId() {
    return id;
  }

  public HeldAsLoop getHeldAsLoop() {
    return heldAsLoop == null ? new HeldAsLoop() : heldAsLoop;
  }

  public FilteredOut getFilteredOut() {
    return filteredOut == null ? new FilteredOut() : filteredOut;
  }

  /**
   * Which received mail becomes records: its queue's or user's own method, else the organisation's
   * {@code byDefault}.
   */
  public IncomingFilter incomingFilter(IncomingFilter byDefault) {
    IncomingFilter own =
        regardingQueue != null
            ? regardingQueue.getIncomingFilter()
            : regardingUser == null ? null : regardingUser.getIncomingFilter();
    return IncomingFilter.effective(own, byDefault);
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

  public TestStatus getAppointmentsStatus() {
    return appointmentsStatus;
  }

  public Instant getSendingPostponedUntil() {
    return sendingPostponedUntil;
  }

  public boolean isActive() {
    return active;
  }
}
