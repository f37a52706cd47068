package org.syncpost.email.entity;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tracking token SyncPost puts in the subject of outgoing email when correlation is on, and
 * looks for in the subject of incoming email: {@code [<prefix>:<token>]}, e.g. {@code Your order
 * [SP:7K2M9QX4]}. The one definition of the format, written by the outgoing engine and read by the
 * incoming one.
 *
 * @param value the token itself, as stored in {@code email_record.tracking_token}
 */
public record TrackingToken(String value) {

  /** Crockford's base32 without I, L, O, U: no letter can be misread when a person types it. */
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private static final int LENGTH = 10;
  private static final Pattern VALUE = Pattern.compile("[A-Z0-9]{1,40}");

  public TrackingToken {
    if (value == null || !VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException("a tracking token is 1 to 40 letters and digits");
    }
  }

  /** A new random token. */
  public static TrackingToken generate(SecureRandom random) {
    StringBuilder token = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new TrackingToken(token.toString());
  }

  /** How the token stands in a subject: {@code [prefix:value]}. */
  public String marker(String prefix) {
    return "[" + prefix + ":" + value + "]";
  }

  /** {@code subject} with this token's marker appended (once). */
  public String appendTo(String subject, String prefix) {
    String marker = marker(prefix);
    if (subject == null || subject.isBlank()) {
      return marker;
    }
    return subject.contains(marker) ? subject : subject.strip() + " " + marker;
  }

  /**
   * The last token with {@code prefix} in {@code subject} (a reply chain may quote several; the
   * newest is appended last). The prefix is matched without regard to case, as mail clients and
   * people retype it.
   */
  public static Optional<TrackingToken> findIn(String subject, String prefix) {
    if (subject == null || prefix == null || prefix.isBlank()) {
      return Optional.empty();
    }
    Matcher marker =
        Pattern.compile(
                "\\[" + Pattern.quote(prefix) + ":([A-Za-z0-9]{1,40})\\]", Pattern.CASE_INSENSITIVE)
            .matcher(subject);
    String last = null;
    while (marker.find()) {
      last = marker.group(1);
    }
    return Optional.ofNullable(last)
        .map(found -> new TrackingToken(found.toUpperCase(java.util.Locale.ROOT)));
  }
}
