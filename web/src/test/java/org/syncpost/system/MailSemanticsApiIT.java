package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

/**
 * The REST side of issue 16 on a running server: the organisation's incoming filter, a user's and a
 * queue's own method or none (the organisation's), and the mailbox's counts of mail the filter left
 * out and loop protection held.
 */
@ExtendWith(SharedSyncPost.class)
class MailSemanticsApiIT {

  private final Api admin;

  MailSemanticsApiIT(SyncPostServer server) {
    this.admin = server.admin();
  }

  @Test
  void theOrganisationsIncomingFilterIsReadAndChangedWithTheSettings() {
    try {
      Reply changed = admin.patch("settings", "{\"incomingFilter\": \"KNOWN_CORRESPONDENTS\"}");

      assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
      assertThat(admin.get("settings").json().getString("incomingFilter"))
          .isEqualTo("KNOWN_CORRESPONDENTS");
      assertThat(admin.patch("settings", "{\"incomingFilter\": \"SOME\"}").status()).isEqualTo(400);
    } finally {
      admin.patch("settings", "{\"incomingFilter\": \"ALL_EMAIL\"}");
    }
  }

  @Test
  void aUserHasAMethodOfItsOwnUntilItIsSetToNullThenFollowsTheOrganisation() {
    String name = unique("filtered");
    Reply created =
        admin.post(
            "users",
            ("{\"name\": \"%s\", \"email\": \"%s@example.org\", \"roles\": [\"mailbox-owner\"],"
                    + " \"incomingFilter\": \"NONE\"}")
                .formatted(name, name));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();

    JsonObject followed = admin.patch("users/" + id, "{\"incomingFilter\": null}").json();

    assertThat(created.json().getString("incomingFilter")).isEqualTo("NONE");
    assertThat(followed.isNull("incomingFilter")).isTrue();
  }

  @Test
  void aQueueCreatedWithoutAMethodFollowsTheOrganisation() {
    String name = unique("inbound");
    Reply plain =
        admin.post(
            "queues", "{\"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(name, name));
    Reply own =
        admin.post(
            "queues",
            "{\"name\": \"%s-own\", \"email\": \"%s-own@example.org\", \"incomingFilter\":"
                    .formatted(name, name)
                + " \"RESPONSES_TO_OUR_EMAIL\"}");

    assertThat(plain.json().isNull("incomingFilter")).as(plain.toString()).isTrue();
    assertThat(own.json().getString("incomingFilter")).isEqualTo("RESPONSES_TO_OUR_EMAIL");
  }

  @Test
  void aMailboxCountsWhatTheFilterLeftOutAndWhatLoopProtectionHeld() {
    String name = unique("counted");
    long mailboxId =
        admin
            .post(
                "users",
                "{\"name\": \"%s\", \"email\": \"%s@example.org\", \"roles\": [\"mailbox-owner\"]}"
                    .formatted(name, name))
            .json()
            .getJsonNumber("mailboxId")
            .longValue();

    JsonObject mailbox = admin.get("mailboxes/" + mailboxId).json();

    assertThat(
            mailbox.getJsonNumber("filteredOut")
                + " "
                + mailbox.isNull("lastFilteredFrom")
                + " "
                + mailbox.getJsonNumber("heldAsLoop")
                + " "
                + mailbox.isNull("lastLoopSender"))
        .isEqualTo("0 true 0 true");
  }

  @Test
  void anImportOfKnownCorrespondentsCountsWhatWasNewAndIsListedOnce() {
    String first = unique("crm") + "@example.net";
    String second = unique("crm") + "@example.net";
    Reply once =
        admin.post(
            "known-correspondents",
            "{\"addresses\": [\"%s\", \"%s\"], \"source\": \"CRM\"}".formatted(first, second));
    Reply again =
        admin.post(
            "known-correspondents",
            "{\"addresses\": [\"%s\", \"%s\"]}"
                .formatted(second.toUpperCase(java.util.Locale.ROOT), second));

    assertThat(once.json().getInt("added") + " " + once.json().getInt("alreadyKnown"))
        .as(once.toString())
        .isEqualTo("2 0");
    assertThat(again.json().getInt("added") + " " + again.json().getInt("alreadyKnown"))
        .isEqualTo("0 2");
    assertThat(admin.get("known-correspondents?search=" + second).header("X-Total-Count"))
        .isEqualTo("1");
  }

  @Test
  void anImportWithAnEntryThatIsNoAddressIsRefusedWholeNamingTheEntry() {
    String good = unique("crm") + "@example.net";
    Reply refused =
        admin.post(
            "known-correspondents",
            "{\"addresses\": [\"%s\", \"not an address\"]}".formatted(good));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("addresses[1]");
    assertThat(admin.get("known-correspondents?search=" + good).header("X-Total-Count"))
        .isEqualTo("0");
  }
}
