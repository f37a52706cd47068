package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.imapProfile;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

@ExtendWith(SharedSyncPost.class)
class ApprovalApiIT {

  private final SyncPostServer server;
  private final Api admin;

  ApprovalApiIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  private String createUser(String role) {
    String name = unique("user");
    Reply created =
        admin.post(
            "users",
            "{\"name\": \"%s\", \"email\": \"%s@example.org\", \"roles\": [\"%s\"], \"password\": \"approver-password\"}"
                .formatted(name, name, role));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return name;
  }

  private long mailboxOf(Reply user) {
    return user.json().getJsonNumber("mailboxId").longValue();
  }

  @Test
  void anApproverApprovesAMailboxAndTheDecisionIsRecorded() {
    String approverName = createUser("approver");
    String name = unique("owner");
    long mailbox =
        mailboxOf(
            admin.post(
                "users",
                "{\"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(name, name)));

    Reply approved =
        server
            .https(approverName, "approver-password")
            .post("mailboxes/" + mailbox + "/approve", "");

    JsonObject json = approved.json();
    assertThat(json.getString("approvalStatus") + " by " + json.getString("approvalDecidedBy"))
        .isEqualTo("APPROVED by " + approverName);
    assertThat(admin.get("audit?objectType=mailbox&objectId=" + mailbox).array())
        .extracting(e -> e.asJsonObject().getString("action"))
        .contains("approved");
  }

  @Test
  void aMailboxOwnerCannotApproveTheirOwnMailbox() {
    String ownerName = createUser("mailbox-owner");
    long mailbox =
        admin.get("users?limit=1000").array().stream()
            .map(v -> v.asJsonObject())
            .filter(u -> u.getString("name").equals(ownerName))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("mailboxId")
            .longValue();

    assertThat(
            server
                .https(ownerName, "approver-password")
                .post("mailboxes/" + mailbox + "/approve", "")
                .status())
        .isEqualTo(403);
  }

  @Test
  void anApproverCannotChangeTheCredentialsOfAMailboxThatIsNotTheirs() {
    String approverName = createUser("approver");
    String name = unique("owned");
    long mailbox =
        mailboxOf(
            admin.post(
                "users",
                "{\"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(name, name)));

    Reply refused =
        server
            .https(approverName, "approver-password")
            .patch(
                "mailboxes/" + mailbox,
                "{\"username\": \"taken-over\", \"password\": \"chosen-by-the-approver\","
                    + " \"allowCredentialUse\": true}");

    JsonObject after = admin.get("mailboxes/" + mailbox).json();
    assertThat(refused.status() + " " + after.get("username") + " " + after.get("passwordSet"))
        .isEqualTo("403 null false");
  }

  @Test
  void anApproverDoesNotReadTheEmailOfMailboxesThatAreNotTheirs() {
    String approverName = createUser("approver");
    String name = unique("private");
    long mailbox =
        mailboxOf(
            admin.post(
                "users",
                "{\"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(name, name)));
    long email =
        admin
            .post(
                "emails",
                "{\"senderMailboxId\": %d, \"to\": [\"someone@example.org\"],".formatted(mailbox)
                    + " \"subject\": \"Salary review\", \"textBody\": \"private\", \"draft\": true}")
            .json()
            .getJsonNumber("id")
            .longValue();
    Api approver = server.https(approverName, "approver-password");

    Reply one = approver.get("emails/" + email);
    Reply list = approver.get("emails?mailboxId=" + mailbox);

    assertThat(one.status() + " " + list.status() + " " + list.body())
        .doesNotContain("Salary review")
        .startsWith("403 200");
  }

  @Test
  void rejectingDisablesTheMailbox() {
    String name = unique("rejected");
    long mailbox =
        mailboxOf(
            admin.post(
                "users",
                "{\"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(name, name)));

    JsonObject rejected = admin.post("mailboxes/" + mailbox + "/reject", "").json();

    assertThat(
            rejected.getString("approvalStatus") + " " + rejected.getBoolean("enabledForIncoming"))
        .isEqualTo("REJECTED false");
  }

  @Test
  void applyDefaultSettingsSetsTheDefaultProfileAndDeliveryMethods() {
    long profileId =
        admin
            .post("profiles", imapProfile(unique("defaults")))
            .json()
            .getJsonNumber("id")
            .longValue();
    String previous = admin.get("settings").json().get("defaultProfileId").toString();
    String name = unique("applied");
    long mailbox =
        mailboxOf(
            admin.post(
                "users",
                "{\"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(name, name)));
    admin.patch("mailboxes/" + mailbox, "{\"incomingDeliveryMethod\": \"NONE\"}");
    admin.patch("settings", "{\"defaultProfileId\": " + profileId + "}");
    try {
      Reply applied =
          admin.post(
              "mailboxes/apply-default-settings",
              "{\"mailboxIds\": [" + mailbox + "], \"testAndEnable\": false}");

      JsonObject result = applied.array().getJsonObject(0);
      assertThat(
              result.getJsonNumber("profileId").longValue()
                  + " "
                  + result.getString("incomingDeliveryMethod"))
          .isEqualTo(profileId + " SERVER_SIDE_SYNC");
    } finally {
      admin.patch("settings", "{\"defaultProfileId\": " + previous + "}");
    }
  }
}
