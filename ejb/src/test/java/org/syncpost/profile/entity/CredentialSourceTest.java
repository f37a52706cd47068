package org.syncpost.profile.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CredentialSourceTest {

  @Test
  void onlyServerIdentityAndAnonymousAreInvalidForIncoming() {
    assertThat(Arrays.stream(CredentialSource.values()).filter(s -> !s.validForIncoming()))
        .containsExactlyInAnyOrder(CredentialSource.SERVER_IDENTITY, CredentialSource.ANONYMOUS);
  }

  @Test
  void onlyAnonymousIsInvalidForOutgoing() {
    assertThat(Arrays.stream(CredentialSource.values()).filter(s -> !s.validForOutgoing()))
        .containsExactly(CredentialSource.ANONYMOUS);
  }
}
