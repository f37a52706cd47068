package org.syncpost.alert.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a caller raises: an alert as it is seen now. Raising the same notice again (same regarding
 * mailbox and profile, same code) while the first is not dismissed counts it instead of adding one.
 *
 * @param level how serious it is
 * @param code what kind of alert it is, stable and kebab-case (e.g. {@code
 *     incoming-authentication-failed}); the de-duplication key, so never put ids or times in it
 * @param mailboxId the mailbox it is about, or {@code null}
 * @param profileId the email server profile it is about, or {@code null}
 * @param text what failed and why, in words an administrator understands
 * @param advice what to do about it, or {@code null}
 * @param details technical details (server reply, exception class) for support; never a password,
 *     token, key or message body. Cut to {@value Alert#MAX_DETAILS} characters.
 * @param toMailboxOwner whether the mailbox's owner is a recipient
 * @param toProfileOwner whether the profile's owner is a recipient (the profile given, or else the
 *     mailbox's)
 */
public record AlertNotice(
    AlertLevel level,
    String code,
    Long mailboxId,
    Long profileId,
    String text,
    String advice,
    String details,
    boolean toMailboxOwner,
    boolean toProfileOwner) {

  public static final int MAX_CODE = 60;
  private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public AlertNotice {
    Objects.requireNonNull(level, "an alert needs a level");
    if (code == null || code.length() > MAX_CODE || !KEBAB_CASE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "An alert code is kebab-case, at most " + MAX_CODE + " characters: " + code);
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("An alert needs a text saying what failed: " + code);
    }
  }

  /** An alert about a mailbox, to its owner. */
  public static AlertNotice aboutMailbox(
      AlertLevel level, String code, long mailboxId, String text, String advice, String details) {
    return new AlertNotice(level, code, mailboxId, null, text, advice, details, true, false);
  }

  /** An alert about an email server profile, to its owner. */
  public static AlertNotice aboutProfile(
      AlertLevel level, String code, long profileId, String text, String advice, String details) {
    return new AlertNotice(level, code, null, profileId, text, advice, details, false, true);
  }

  /** The same notice, also to the owner of the profile (given, or else the mailbox's). */
  public AlertNotice alsoToProfileOwner() {
    return new AlertNotice(
        level, code, mailboxId, profileId, text, advice, details, toMailboxOwner, true);
  }

  /** The key under which an open alert of this notice is unique. */
  public String dedupKey() {
    return Alert.dedupKeyOf(mailboxId, profileId, code);
  }
}
