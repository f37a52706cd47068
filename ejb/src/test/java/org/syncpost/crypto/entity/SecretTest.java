package org.syncpost.crypto.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void printingASecretDoesNotRevealItsValue() {
    assertThat("password is " + Secret.of("hunter2")).doesNotContain("hunter2");
  }

  @Test
  void revealGivesTheValueBack() {
    assertThat(Secret.of("hunter2").reveal()).isEqualTo("hunter2");
  }

  @Test
  void twoSecretsWithTheSameValueAreNotEqualSoJpaWritesTheNewOne() {
    assertThat(Secret.of("hunter2")).isNotEqualTo(Secret.of("hunter2"));
  }
}
