package org.syncpost.profile.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.syncpost.profile.entity.Impersonation.SignIn;

class ImpersonationTest {

  @Test
  void byDefaultTheAccountAuthenticatesWithTheMailboxAddressAsAuthorizationIdentity() {
    assertThat(Impersonation.DEFAULT.signInFor("master", "user8", "user8@example.com"))
        .contains(new SignIn("master", "user8@example.com", "user8@example.com"));
  }

  @Test
  void aMasterUserLoginIsTheMailboxTheSeparatorAndTheAccount() {
    Impersonation master =
        new Impersonation(ImpersonationMethod.MASTER_USER_LOGIN, MailboxIdentity.USER_NAME, "*");

    assertThat(master.signInFor("master", "user8", "user8@example.com"))
        .contains(new SignIn("user8*master", null, "user8"));
  }

  @Test
  void aMailboxWithoutTheNameActedForHasNoSignIn() {
    Impersonation byUserName =
        new Impersonation(ImpersonationMethod.SASL_AUTHZID, MailboxIdentity.USER_NAME, null);

    assertThat(byUserName.signInFor("master", " ", "user8@example.com")).isEmpty();
  }

  @Test
  void emptySettingsTakeTheDefaults() {
    assertThat(new Impersonation(null, null, "").withDefaults()).isEqualTo(Impersonation.DEFAULT);
  }

  @Test
  void aSeparatorWithSpacesOrLongerThanTenCharactersIsRefused() {
    assertThat(new Impersonation(ImpersonationMethod.MASTER_USER_LOGIN, null, "* ").problem())
        .isPresent();
    assertThat(
            new Impersonation(ImpersonationMethod.MASTER_USER_LOGIN, null, "12345678901").problem())
        .isPresent();
    assertThat(new Impersonation(ImpersonationMethod.MASTER_USER_LOGIN, null, "%").problem())
        .isEmpty();
  }
}
