package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

@ExtendWith(SharedSyncPost.class)
class EmailsApiIT {

  private final Api admin;

  EmailsApiIT(SyncPostServer server) {
    this.admin = server.admin();
  }

  @Test
  void emailsAreListedWithFiltersAndATotal() {
    Reply page =
        admin.get("emails?direction=INCOMING&status=RECEIVED&since=2026-01-01T00:00:00Z&limit=10");

    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.header("X-Total-Count")).isNotNull();
  }

  @Test
  void anUnknownFilterValueIsRefusedNamingTheParameter() {
    Reply refused = admin.get("emails?direction=SIDEWAYS");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(ProfilesApiIT.errors(refused)).containsOnlyKeys("direction");
  }

  @Test
  void anUnknownEmailIsNotFound() {
    assertThat(admin.get("emails/987654321").status()).isEqualTo(404);
  }
}
