package org.syncpost.access.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {

  @Test
  void mailboxOwnerIsFoundByItsExternalName() {
    assertThat(Role.fromExternalName("mailbox-owner")).contains(Role.MAILBOX_OWNER);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void everyRoleIsFoundByItsOwnExternalName(Role role) {
    assertThat(Role.fromExternalName(role.externalName())).contains(role);
  }

  @ParameterizedTest
  @ValueSource(strings = {"superuser", "MAILBOX_OWNER", "Administrator", ""})
  void unknownExternalNameIsNoRole(String name) {
    assertThat(Role.fromExternalName(name)).isEmpty();
  }
}
