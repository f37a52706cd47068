package org.syncpost.alert.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.syncpost.audit.entity.Tracked;

/**
 * Something an administrator, a mailbox owner or a profile owner should know: what failed, why, and
 * what to do. While it is open (not dismissed), raising it again counts it and refreshes its text
 * instead of adding another one, so a mailbox failing every minute makes one alert, not hundreds.
 *
 * <p>The regarding mailbox and profile and the recipients are kept as ids (with foreign keys in the
 * schema), not as relationships: listing alerts must not load mailboxes, profiles and users, and an
 * alert keeps the recipients it was raised to even when ownership changes later.
 */
@Entity
@Table(name = "alert")
@NamedQuery(name = Alert.OPEN_WITH_KEY, query = "select a from Alert a where a.dedupKey = :key")
@NamedQuery(
    name = Alert.OPEN_ABOUT_MAILBOX,
    query =
        "select a from Alert a where a.mailboxId = :mailboxId and a.code in :codes"
            + " and a.dismissedOn is null")
@NamedQuery(
    name = Alert.MAILBOXES_FAILING_SINCE,
    query =
        "select count(distinct a.mailboxId) from Alert a, Mailbox m"
            + " where m.id = a.mailboxId and m.profile.id = :profileId"
            + " and a.level = :level and a.lastRaisedOn >= :since")
public class Alert extends Tracked {

  public static final String OPEN_WITH_KEY = "Alert.openWithKey";
  public static final String MAILBOXES_FAILING_SINCE = "Alert.mailboxesFailingSince";
  public static final String OPEN_ABOUT_MAILBOX = "Alert.openAboutMailbox";

  /**
   * Who "dismissed" an alert whose cause SyncPost saw go away. Not a sign-in name (those have no
   * spaces), so no person's dismissal reads as SyncPost's.
   */
  public static final String RESOLVED_BY = "resolved by SyncPost";

  public static final int MAX_TEXT = 2000;
  public static final int MAX_DETAILS = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_seq")
  @SequenceGenerator(name = "alert_seq", sequenceName = "alert_seq", allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "alert_level", nullable = false, length = 20)
  private AlertLevel level;

  @Column(name = "mailbox_id")
  private Long mailboxId;

  @Column(name = "profile_id")
  private Long profileId;

  @Column(nullable = false, length = AlertNotice.MAX_CODE)
  private String code;

  @Column(name = "alert_text", nullable = false, length = MAX_TEXT)
  private String text;

  @Column(length = MAX_TEXT)
  private String advice;

  @Column(length = MAX_DETAILS)
  private String details;

  @Column(name = "mailbox_owner_id")
  private Long mailboxOwnerId;

  @Column(name = "profile_owner_id")
  private Long profileOwnerId;

  @Column(name = "raised_count", nullable = false)
  private int count;

  @Column(name = "first_raised_on", nullable = false)
  private Instant firstRaisedOn;

  @Column(name = "last_raised_on", nullable = false)
  private Instant lastRaisedOn;

  @Column(name = "dismissed_by", length = 100)
  private String dismissedBy;

  @Column(name = "dismissed_on")
  private Instant dismissedOn;

  /** Unique while open, {@code null} once dismissed; see {@link #dedupKeyOf}. */
  @Column(name = "dedup_key", length = 200)
  private String dedupKey;

  protected Alert() {}

  /**
   * A new alert, raised once.
   *
   * @param mailboxOwnerId the mailbox owner's user id when they are a recipient, else {@code null}
   * @param profileOwnerId the profile owner's user id when they are a recipient, else {@code null}
   */
  public Alert(AlertNotice notice, Long mailboxOwnerId, Long profileOwnerId, Instant at) {
    this.mailboxId = notice.mailboxId();
    this.profileId = notice.profileId();
    this.code = notice.code();
    this.dedupKey = notice.dedupKey();
    this.count = 1;
    this.firstRaisedOn = at;
    this.lastRaisedOn = at;
    describe(notice);
    this.mailboxOwnerId = mailboxOwnerId;
    this.profileOwnerId = profileOwnerId;
  }

  /**
   * The key that makes an open alert unique: the regarding mailbox and profile (either may be
   * absent) and the code.
   */
  public static String dedupKeyOf(Long mailboxId, Long profileId, String code) {
    return "mailbox:"
        + (mailboxId == null ? "-" : mailboxId)
        + "/profile:"
        + (profileId == null ? "-" : profileId)
        + "/"
        + code;
  }

  /**
   * The same thing happened again: counted, with the newest text, advice, details and level. A
   * recipient once added stays one.
   */
  public void repeat(AlertNotice again, Long mailboxOwnerId, Long profileOwnerId, Instant at) {
    if (!again.dedupKey().equals(dedupKey)) {
      throw new IllegalArgumentException(
          "Alert " + id + " (" + dedupKey + ") cannot count " + again.dedupKey());
    }
    count++;
    if (at.isAfter(lastRaisedOn)) {
      lastRaisedOn = at;
    }
    describe(again);
    if (mailboxOwnerId != null) {
      this.mailboxOwnerId = mailboxOwnerId;
    }
    if (profileOwnerId != null) {
      this.profileOwnerId = profileOwnerId;
    }
  }

  /**
   * Someone has seen it and acted; raised again, it becomes a new alert. Dismissing a dismissed
   * alert keeps the first dismissal.
   */
  public void dismiss(String by, Instant at) {
    if (isDismissed()) {
      return;
    }
    dismissedBy = by;
    dismissedOn = at;
    dedupKey = null;
  }

  /**
   * What the alert said no longer holds (the sign-in it reported failing has just succeeded): it
   * closes as dismissed by {@value #RESOLVED_BY}; raised again later, it comes back as a new alert.
   * A dismissed alert stays as it was dismissed.
   */
  public void resolve(Instant at) {
    dismiss(RESOLVED_BY, at);
  }

  /** Closed by SyncPost because its cause went away, not by a person. */
  public boolean isResolved() {
    return RESOLVED_BY.equals(dismissedBy);
  }

  public boolean isDismissed() {
    return dismissedOn != null;
  }

  /** Whether the user with this id is one of the alert's recipients. */
  public boolean isAddressedTo(long userId) {
    return Long.valueOf(userId).equals(mailboxOwnerId)
        || Long.valueOf(userId).equals(profileOwnerId);
  }

  private void describe(AlertNotice notice) {
    level = notice.level();
    text = cut(notice.text().strip(), MAX_TEXT);
    advice =
        notice.advice() == null || notice.advice().isBlank()
            ? null
            : cut(notice.advice().strip(), MAX_TEXT);
    details =
        notice.details() == null || notice.details().isBlank()
            ? null
            : cut(notice.details(), MAX_DETAILS);
  }

  private static String cut(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }

  @Override
  public Long getId() {
    return id;
  }

  public AlertLevel getLevel() {
    return level;
  }

  public Long getMailboxId() {
    return mailboxId;
  }

  public Long getProfileId() {
    return profileId;
  }

  public String getCode() {
    return code;
  }

  public String getText() {
    return text;
  }

  public String getAdvice() {
    return advice;
  }

  public String getDetails() {
    return details;
  }

  public Long getMailboxOwnerId() {
    return mailboxOwnerId;
  }

  public Long getProfileOwnerId() {
    return profileOwnerId;
  }

  public int getCount() {
    return count;
  }

  public Instant getFirstRaisedOn() {
    return firstRaisedOn;
  }

  public Instant getLastRaisedOn() {
    return lastRaisedOn;
  }

  public String getDismissedBy() {
    return dismissedBy;
  }

  public Instant getDismissedOn() {
    return dismissedOn;
  }

  public String getDedupKey() {
    return dedupKey;
  }
}
