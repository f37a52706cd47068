package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class XOAuth2ErrorsTest {

  private static String base64(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void gmailsBase64ChallengeSaysTheTokenIsInvalidAndNamesTheScope() {
    String challenge =
        "334 "
            + base64(
                "{\"status\":\"401\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}");

    assertThat(XOAuth2Errors.reasonIn(List.of("AUTH failed", challenge)))
        .isEqualTo(
            " was refused: the token is invalid or has expired, or is not for this mailbox"
                + " (status 401); the server asks for the scope https://mail.google.com/");
  }

  @Test
  void aPlainJsonBadRequestPointsAtAnotherUsersToken() {
    assertThat(XOAuth2Errors.reasonIn(List.of("{\"status\":\"400\",\"schemes\":\"Bearer\"}")))
        .contains("token is for another user than the mailbox's address (status 400)");
  }

  @Test
  void anInsufficientScopeSaysWhichPermissionIsMissing() {
    assertThat(XOAuth2Errors.reasonIn(List.of(base64("{\"status\":\"insufficient_scope\"}"))))
        .contains("lacks the scope that allows IMAP, POP3 or SMTP");
  }

  @Test
  void withoutTheServersJsonTheReasonSaysThereWasNone() {
    assertThat(
            XOAuth2Errors.reasonIn(
                Arrays.asList(null, "[AUTHENTICATIONFAILED] Authentication failed.")))
        .isEqualTo(" was refused (the server gave no reason)");
  }
}
