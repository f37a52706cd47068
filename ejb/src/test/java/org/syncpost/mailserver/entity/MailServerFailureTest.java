package org.syncpost.mailserver.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.syncpost.crypto.entity.Secret;

class MailServerFailureTest {

  private static final Secret PASSWORD = Secret.of("s3cret-Pa55");
  private static final String SERVER = "SMTP server smtp.example.com:587";

  @Test
  void technicalDetailNamesEveryExceptionInTheChain() {
    MailServerFailure failure =
        MailServerFailure.of(
            FailureCause.TIMEOUT,
            SERVER,
            null,
            new IOException("outer", new IllegalStateException("inner")),
            "alice",
            PASSWORD);

    assertThat(failure.technicalDetail())
        .isEqualTo("java.io.IOException: outer; caused by java.lang.IllegalStateException: inner");
  }

  @Test
  void aPasswordInAnExceptionMessageNeverReachesTheDetail() {
    String saslPlain =
        Base64.getEncoder().encodeToString("\0alice\0s3cret-Pa55".getBytes(StandardCharsets.UTF_8));
    IOException echoed =
        new IOException("server echoed s3cret-Pa55 and AUTH PLAIN " + saslPlain + " back");

    MailServerFailure failure =
        MailServerFailure.of(FailureCause.UNKNOWN, SERVER, null, echoed, "alice", PASSWORD);

    assertThat(failure.technicalDetail())
        .doesNotContain("s3cret-Pa55")
        .doesNotContain(saslPlain)
        .contains("****");
  }

  @Test
  void anOriginalExceptionThatShowedThePasswordIsNotKeptAsCause() {
    MailServerFailure failure =
        MailServerFailure.of(
            FailureCause.UNKNOWN,
            SERVER,
            null,
            new IOException("password was s3cret-Pa55"),
            "alice",
            PASSWORD);

    assertThat(failure.getCause()).isNull();
  }

  @Test
  void anOriginalExceptionWithoutSecretsIsKeptAsCause() {
    IOException original = new IOException("Connection reset");

    MailServerFailure failure =
        MailServerFailure.of(
            FailureCause.CONNECTION_CLOSED, SERVER, null, original, "alice", PASSWORD);

    assertThat(failure.getCause()).isSameAs(original);
  }

  @Test
  void theMessageIsTheCauseInPlainWords() {
    MailServerFailure failure =
        MailServerFailure.of(FailureCause.HOST_NOT_FOUND, SERVER, null, "lookup failed");

    assertThat(failure.getMessage())
        .isEqualTo(FailureCause.HOST_NOT_FOUND.describe(SERVER, null))
        .contains("smtp.example.com:587");
  }

  @Test
  void theDetailIsBoundedForTheAlertColumn() {
    MailServerFailure failure =
        MailServerFailure.of(FailureCause.UNKNOWN, SERVER, null, "x".repeat(5_000));

    assertThat(failure.technicalDetail()).hasSize(2_000);
  }
}
