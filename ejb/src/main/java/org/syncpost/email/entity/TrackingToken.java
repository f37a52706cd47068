package org.syncpost.email.entity;

import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token SyncPost puts into the subject of an outgoing email when correlation is on, so that a
 * reply whose client dropped In-Reply-To and References still finds its conversation: {@code
 * [PREFIX:7K2M9QXA]}, the organisation's tracking-token prefix and eight characters of Crockford's
 * base32 (no I, L, O, U: nothing to misread when a person retypes it). The one definition of the
 * format, for the outgoing side that writes it and the incoming side that reads it.
 *
 * @param value the token as it stands in the subject, brackets included
 */
public record TrackingToken(String value) {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int LENGTH = 8;

  /** Prefixes follow the organisation setting's rule: letters, digits and '-', 1 to 20. */
  private static final Pattern FORMAT =
      Pattern.compile("\\[([A-Za-z0-9-]{1,20}):([" + ALPHABET + "]{" + LENGTH + "})\\]");

  public TrackingToken {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a tracking token: " + value);
    }
  }

  /** A new token with the organisation's {@code prefix}. */
  public static TrackingToken generate(String prefix, RandomGenerator random) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new TrackingToken("[" + prefix + ":" + code + "]");
  }

  /** The first token with {@code prefix} in {@code subject} (any case of the prefix). */
  public static Optional<TrackingToken> findIn(String subject, String prefix) {
    if (subject == null) {
      return Optional.empty();
    }
    Matcher matcher = FORMAT.matcher(subject);
    while (matcher.find()) {
      if (matcher.group(1).equalsIgnoreCase(prefix)) {
        return Optional.of(new TrackingToken(matcher.group()));
      }
    }
    return Optional.empty();
  }

  /** The subject with this token at its end, once. */
  public String appendTo(String subject) {
    if (subject == null || subject.isBlank()) {
      return value;
    }
    return subject.contains(value) ? subject : subject.strip() + " " + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
