package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

@ExtendWith(SharedSyncPost.class)
class AlertsAndJobsApiIT {

  private final Api admin;

  AlertsAndJobsApiIT(SyncPostServer server) {
    this.admin = server.admin();
  }

  @Test
  void theAlertsWallIsAPagedListWithItsTotal() {
    Reply page = admin.get("alerts?mine=true&includeDismissed=true&level=ERROR&limit=5");

    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.array().size()).isLessThanOrEqualTo(5);
    assertThat(Long.parseLong(page.header("X-Total-Count"))).isGreaterThanOrEqualTo(0);
  }

  @Test
  void anUnknownAlertLevelIsRefusedNamingTheChoices() {
    Reply refused = admin.get("alerts?level=CRITICAL");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(ProfilesApiIT.errors(refused).get("level"))
        .isEqualTo("'CRITICAL' is not one of INFORMATION, WARNING, ERROR");
  }

  @Test
  void anUnknownJobIsNotFoundAsProblemDetails() {
    Reply missing = admin.get("jobs/987654321");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(missing.json().getString("detail")).isEqualTo("There is no job with id 987654321.");
  }

  @Test
  void anUnknownAlertCannotBeDismissed() {
    Reply missing = admin.post("alerts/987654321/dismiss", "");

    assertThat(missing.status() + " " + missing.json().getString("detail"))
        .isEqualTo("404 There is no alert with id 987654321.");
  }

  @Test
  void theJobsListIsPagedWithItsTotal() {
    Reply page = admin.get("jobs?offset=0&limit=10");

    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.header("X-Total-Count")).isNotNull();
  }
}
