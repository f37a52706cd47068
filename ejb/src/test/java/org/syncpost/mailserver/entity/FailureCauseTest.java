package org.syncpost.mailserver.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailureCauseTest {

  private static final String SERVER = "IMAP server imap.example.com:993";

  @ParameterizedTest
  @EnumSource(FailureCause.class)
  void everyCauseHasAKebabCaseCodeASentenceAndAdvice(FailureCause cause) {
    assertThat(cause.code()).matches("[a-z]+(-[a-z]+)*");
    assertThat(cause.template()).isNotBlank().endsWith(".");
    assertThat(cause.advice()).isNotBlank().endsWith(".");
  }

  @Test
  void codesAreUnique() {
    Set<String> codes =
        Arrays.stream(FailureCause.values()).map(FailureCause::code).collect(Collectors.toSet());

    assertThat(codes).hasSize(FailureCause.values().length);
  }

  @ParameterizedTest
  @EnumSource(value = FailureCause.class, names = "NO_PROFILE", mode = EnumSource.Mode.EXCLUDE)
  void everySentenceNamesTheServerWithProtocolHostAndPort(FailureCause cause) {
    assertThat(cause.describe(SERVER, null)).contains(SERVER);
  }

  @ParameterizedTest
  @EnumSource(FailureCause.class)
  void describedSentencesHaveNoPlaceholdersLeft(FailureCause cause) {
    assertThat(cause.describe(SERVER, null)).doesNotContain("{").doesNotContain(":.");
    assertThat(cause.describe(SERVER, "'Archive'")).doesNotContain("{");
  }

  @Test
  void theParticularThingIsNamedInTheSentence() {
    assertThat(FailureCause.FOLDER_NOT_FOUND.describe(SERVER, "'Archive'"))
        .isEqualTo("The folder 'Archive' does not exist on the IMAP server imap.example.com:993.");
  }

  @Test
  void onlyFailuresThatCanPassByThemselvesAreTransient() {
    Set<FailureCause> transients =
        EnumSet.allOf(FailureCause.class).stream()
            .filter(FailureCause::isTransient)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(FailureCause.class)));

    assertThat(transients)
        .containsExactlyInAnyOrder(
            FailureCause.TIMEOUT,
            FailureCause.CONNECTION_REFUSED,
            FailureCause.CONNECTION_CLOSED,
            FailureCause.SERVER_BUSY,
            FailureCause.CONNECTION_LIMIT_REACHED);
  }

  @ParameterizedTest
  @EnumSource(
      value = FailureCause.class,
      names = {
        "AUTHENTICATION_FAILED",
        "CERTIFICATE_UNTRUSTED",
        "CERTIFICATE_EXPIRED",
        "CERTIFICATE_WRONG_HOST",
        "CERTIFICATE_REVOKED",
        "FOLDER_NOT_FOUND"
      })
  void authenticationCertificateAndMissingFolderFailuresArePermanent(FailureCause cause) {
    assertThat(cause.isPermanent()).isTrue();
  }
}
