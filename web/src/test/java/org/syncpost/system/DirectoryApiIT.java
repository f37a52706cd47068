package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.imapProfile;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncpost.system.Api.Reply;

@ExtendWith(SharedSyncPost.class)
class DirectoryApiIT {

  private final SyncPostServer server;
  private final Api admin;

  DirectoryApiIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  @Test
  void creatingAUserCreatesTheirMailboxWithTheDefaultProfileAndDeliveryMethods() {
    long profileId =
        admin
            .post("profiles", imapProfile(unique("default")))
            .json()
            .getJsonNumber("id")
            .longValue();
    String previousDefault = admin.get("settings").json().get("defaultProfileId").toString();
    admin.patch(
        "settings",
        "{\"defaultProfileId\": " + profileId + ", \"outgoingDeliveryMethod\": \"NONE\"}");
    try {
      String name = unique("alice");
      Reply user =
          admin.post(
              "users",
              "{\"name\": \"%s\", \"email\": \"%s@example.org\", \"roles\": [\"mailbox-owner\"]}"
                  .formatted(name, name));

      JsonObject mailbox = admin.get("mailboxes/" + user.json().getJsonNumber("mailboxId")).json();
      assertThat(
              mailbox.getJsonNumber("profileId").longValue()
                  + " "
                  + mailbox.getString("incomingDeliveryMethod")
                  + " "
                  + mailbox.getString("outgoingDeliveryMethod")
                  + " "
                  + mailbox.getString("email")
                  + " "
                  + mailbox.getString("approvalStatus"))
          .isEqualTo(profileId + " SERVER_SIDE_SYNC NONE " + name + "@example.org PENDING");
    } finally {
      admin.patch(
          "settings",
          "{\"defaultProfileId\": "
              + previousDefault
              + ", \"outgoingDeliveryMethod\": \"SERVER_SIDE_SYNC\"}");
    }
  }

  @Test
  void creatingAQueueCreatesItsMailboxOwnedByTheQueueOwner() {
    String name = unique("support");
    Reply queue =
        admin.post(
            "queues", "{\"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(name, name));

    assertThat(queue.status()).as(queue.toString()).isEqualTo(201);
    JsonObject mailbox = admin.get("mailboxes/" + queue.json().getJsonNumber("mailboxId")).json();
    assertThat(mailbox.getJsonNumber("queueId").longValue())
        .isEqualTo(queue.json().getJsonNumber("id").longValue());
    assertThat(mailbox.getJsonNumber("ownerId").longValue())
        .isEqualTo(queue.json().getJsonNumber("ownerId").longValue());
  }

  @Test
  void aMailboxOwnerSeesOnlyTheirOwnMailbox() {
    String bob = createUser("mailbox-owner");
    String carol = createUser("mailbox-owner");
    long carolsMailbox = mailboxOf(carol);

    Api asBob = server.https(bob, "bob-password-123");

    assertThat(asBob.get("mailboxes/" + carolsMailbox).status()).isEqualTo(403);
    assertThat(asBob.get("mailboxes/" + mailboxOf(bob)).status()).isEqualTo(200);
    assertThat(asBob.get("mailboxes?limit=1000").array()).hasSize(1);
  }

  @Test
  void aMailboxOwnerMayChangeOnlyTheCredentialsOfTheirMailbox() {
    String bob = createUser("mailbox-owner");
    Api asBob = server.https(bob, "bob-password-123");
    String mailbox = "mailboxes/" + mailboxOf(bob);

    Reply credentials =
        asBob.patch(
            mailbox,
            "{\"username\": \"bob@imap\", \"password\": \"imap-secret\", \"allowCredentialUse\": true}");
    Reply profile = asBob.patch(mailbox, "{\"folders\": \"INBOX,Archive\"}");

    assertThat(credentials.status() + " " + credentials.json().getBoolean("passwordSet"))
        .isEqualTo("200 true");
    assertThat(profile.status()).isEqualTo(403);
  }

  @Test
  void anApproverCannotEditAProfile() {
    long profileId =
        admin
            .post("profiles", imapProfile(unique("guarded")))
            .json()
            .getJsonNumber("id")
            .longValue();
    Api approver = server.https(createUser("approver"), "bob-password-123");

    assertThat(approver.patch("profiles/" + profileId, "{\"description\": \"mine now\"}").status())
        .isEqualTo(403);
    assertThat(approver.get("profiles/" + profileId).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678", "password", "        ", "passwordpassword", "123456789012"})
  void aCommonOrShortPasswordIsRefusedSayingWhatToChooseInstead(String weak) {
    String name = unique("weak");

    Reply refused =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("name", name)
                .add("email", name + "@example.org")
                .add("roles", Json.createArrayBuilder().add("mailbox-owner"))
                .add("password", weak)
                .build()
                .toString());

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("message"))
        .containsAnyOf("at least 12 characters", "too easy to guess");
    assertThat(admin.get("users?limit=1000").body()).doesNotContain(name);
  }

  @Test
  void eightNulCharactersAreNotAPassword() {
    String name = unique("nul");

    Reply refused =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("name", name)
                .add("email", name + "@example.org")
                .add("password", "\0".repeat(12))
                .build()
                .toString());

    assertThat(refused.status() + " " + refused.body()).startsWith("400").contains("control");
  }

  @Test
  void noCredentialsMeans401AndWrongPasswordToo() {
    assertThat(server.https(null, null).get("mailboxes").status()).isEqualTo(401);
    assertThat(server.https("admin", "wrong-password").get("mailboxes").status()).isEqualTo(401);
  }

  @Test
  void changingAMailboxAddressResetsApprovalToPending() {
    String dave = createUser("mailbox-owner");
    String mailbox = "mailboxes/" + mailboxOf(dave);

    Reply changed = admin.patch(mailbox, "{\"email\": \"%s-new@example.org\"}".formatted(dave));

    assertThat(changed.json().getString("approvalStatus")).isEqualTo("PENDING");
  }

  @Test
  void bulkEditSetsProfileAndDeliveryMethodsOfAllSelectedMailboxesOrNone() {
    long profileId =
        admin.post("profiles", imapProfile(unique("bulk"))).json().getJsonNumber("id").longValue();
    long first = mailboxOf(createUser("mailbox-owner"));
    long second = mailboxOf(createUser("mailbox-owner"));

    Reply refused =
        admin.post(
            "mailboxes/bulk-edit",
            "{\"mailboxIds\": [%d, 999999999], \"profileId\": %d, \"incomingDeliveryMethod\": \"SERVER_SIDE_SYNC\", \"outgoingDeliveryMethod\": \"NONE\"}"
                .formatted(first, profileId));
    Reply edited =
        admin.post(
            "mailboxes/bulk-edit",
            "{\"mailboxIds\": [%d, %d], \"profileId\": %d, \"incomingDeliveryMethod\": \"SERVER_SIDE_SYNC\", \"outgoingDeliveryMethod\": \"NONE\"}"
                .formatted(first, second, profileId));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(edited.array())
        .extracting(
            m ->
                m.asJsonObject().getJsonNumber("profileId").longValue()
                    + " "
                    + m.asJsonObject().getString("outgoingDeliveryMethod"))
        .containsExactly(profileId + " NONE", profileId + " NONE");
  }

  @Test
  void everyChangeIsAudited() {
    String name = unique("audited");
    long id = admin.post("profiles", imapProfile(name)).json().getJsonNumber("id").longValue();
    admin.patch("profiles/" + id, "{\"description\": \"changed\"}");

    Reply trail = admin.get("audit?objectType=profile&objectId=" + id);

    assertThat(trail.array())
        .extracting(
            e ->
                e.asJsonObject().getString("action") + " by " + e.asJsonObject().getString("actor"))
        .containsExactly("changed by admin", "created by admin");
  }

  private String createUser(String role) {
    String name = unique("user");
    Reply created =
        admin.post(
            "users",
            "{\"name\": \"%s\", \"email\": \"%s@example.org\", \"roles\": [\"%s\"], \"password\": \"bob-password-123\"}"
                .formatted(name, name, role));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return name;
  }

  private long mailboxOf(String userName) {
    return admin.get("users?limit=1000").array().stream()
        .map(v -> v.asJsonObject())
        .filter(u -> u.getString("name").equals(userName))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("mailboxId")
        .longValue();
  }
}
