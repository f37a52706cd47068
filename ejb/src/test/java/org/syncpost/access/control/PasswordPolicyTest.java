package org.syncpost.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12345678",
        "password",
        "        ",
        "\0\0\0\0\0\0\0\0",
        "passwordpassword",
        "123456789012",
        "qwertyuiopasdf",
        "aaaaaaaaaaaaaaaa",
        "iloveyou123456",
        "            ",
        "\0\0\0\0\0\0\0\0\0\0\0\0",
        "correct horse\nbattery staple"
      })
  void commonShortRepeatedAndControlCharacterPasswordsAreRefused(String weak) {
    assertThat(policy.refusal(weak, List.of())).isPresent();
  }

  @Test
  void aPasswordMadeOfTheUsersOwnNameIsRefused() {
    assertThat(policy.refusal("margarethe.vandersloot", List.of("margarethe.vandersloot")))
        .isPresent();
  }

  @Test
  void aLongPassphraseIsAccepted() {
    assertThat(policy.refusal("correct horse battery staple", List.of("admin"))).isEmpty();
  }

  @Test
  void theRefusalSaysWhatToDoInstead() {
    assertThat(policy.refusal("passwordpassword", List.of()).orElseThrow())
        .startsWith("is too easy to guess")
        .contains("several unrelated words");
  }

  @Test
  void aPasswordLikeTheGeneratedFirstAdministratorsIsAccepted() {
    // 18 random bytes, base64url: what FirstAdministrator generates
    assertThat(policy.refusal("q2Vb8sT0-xYzA1c_Rr5nWm3K", List.of("admin"))).isEmpty();
  }
}
