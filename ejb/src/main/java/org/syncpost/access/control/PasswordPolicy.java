package org.syncpost.access.control;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * What a password of a SyncPost user must be: at least {@value #MIN_LENGTH} characters, no control
 * characters, and not guessable — zxcvbn's estimate (common-password, name and word lists, keyboard
 * runs, repeats, dates) must reach {@value #MIN_SCORE} of 4, i.e. about 10^8 guesses or more, as
 * NIST SP 800-63B 5.1.1.2 asks: length plus a check against known and easily guessed passwords, no
 * composition rules.
 *
 * <p>One rule for every place a password is set: REST, SOAP, the admin UI and the first
 * administrator ({@code SYNCPOST_ADMIN_PASSWORD}).
 */
@ApplicationScoped
public class PasswordPolicy {

  public static final int MIN_LENGTH = 12;

  /** PBKDF2 hashes every character; a longer password is no stronger, only slower to check. */
  public static final int MAX_LENGTH = 256;

  static final int MIN_SCORE = 3;

  private final Zxcvbn zxcvbn = new Zxcvbn();

  /**
   * Why {@code password} is refused, in words for the person choosing it; empty when it is
   * acceptable. {@code userInputs} are words the password must not lean on (the user's name and
   * address).
   */
  public Optional<String> refusal(String password, List<String> userInputs) {
    if (password == null) {
      return Optional.of("is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of(
          "must be at least "
              + MIN_LENGTH
              + " characters; a few unrelated words make a long password that is easy to remember");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    if (password.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("must not contain control characters (such as NUL, tab or line breaks)");
    }
    if (password.isBlank()) {
      return Optional.of("must not be only spaces");
    }
    Strength strength =
        zxcvbn.measure(
            password, userInputs.stream().filter(s -> s != null && !s.isBlank()).toList());
    if (strength.getScore() < MIN_SCORE) {
      String warning = strength.getFeedback().getWarning();
      return Optional.of(
          "is too easy to guess"
              + (warning == null || warning.isBlank()
                  ? ""
                  : " (" + warning.replaceAll("\\.$", "").toLowerCase(java.util.Locale.ROOT) + ")")
              + "; choose a longer one, e.g. several unrelated words, not a common password,"
              + " name, keyboard pattern or repetition");
    }
    return Optional.empty();
  }
}
