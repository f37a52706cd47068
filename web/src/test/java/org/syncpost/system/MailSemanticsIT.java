package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.Messages;
import org.syncpost.testing.mail.SignedMessages;

/**
 * Issue 16's acceptance on the private Dovecot and Postfix: each incoming filter records exactly
 * the expected messages of a mixed set, Postfix's own bounce of an email SyncPost sent makes it
 * {@code BOUNCED} without a new conversation, and a flood of auto-replies is held after the loop
 * limit with one alert.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class MailSemanticsIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  /** {@code syncpost.incoming.loop-limit}'s default: the shared SyncPost does not change it. */
  private static final int LOOP_LIMIT = 40;

  private static final Duration SENDING = Duration.ofSeconds(90);

  private final SyncPostServer server;
  private final Api admin;
  private final SoapCaller soap;

  MailSemanticsIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
    this.soap = server.soap("admin", SyncPostServer.ADMIN_PASSWORD);
  }

  /**
   * One mailbox per method (a user's, and for two methods a queue's) receives four messages: a
   * reply to an email SyncPost sent from its recipient, a reply to it from a stranger (References
   * only), a message from a SyncPost user, and one from a stranger. Each mixed set has its own
   * strangers, so that no other method's records make them known.
   */
  @ParameterizedTest(name = "{0} of a {1}")
  @CsvSource({
    "ALL_EMAIL, user, reply from correspondent|reply from stranger|from a user|from a stranger",
    "RESPONSES_TO_OUR_EMAIL, user, reply from correspondent|reply from stranger",
    "KNOWN_CORRESPONDENTS, user, reply from correspondent|from a user",
    "NONE, user, ''",
    "RESPONSES_TO_OUR_EMAIL, queue, reply from correspondent|reply from stranger",
    "KNOWN_CORRESPONDENTS, queue, reply from correspondent|from a user"
  })
  void eachFilteringMethodRecordsExactlyTheExpectedMessagesOfAMixedSet(
      String method, String owner, String expected) {
    WorkingMailbox sender = WorkingMailbox.create(admin, servers);
    MailUser correspondent =
        servers.dovecot().addUser(unique("correspondent"), "pw-" + UUID.randomUUID());
    String sentMessageId = sentMessageId(sender, correspondent.address(), unique("Proposal"));
    String knownUser = unique("known") + "@example.org";
    Reply user =
        admin.post(
            "users", "{\"name\": \"%s\", \"email\": \"%s\"}".formatted(knownUser, knownUser));
    assertThat(user.status()).as(user.toString()).isEqualTo(201);

    WorkingMailbox receiver = owner.equals("queue") ? queueMailbox(method) : receivingMailbox();
    if (owner.equals("user")) {
      // the scheduler polls a newly enabled mailbox at once, with the filter it had then: a mail
      // delivered while that first poll runs would be taken unfiltered
      Eventually.within(
          Duration.ofSeconds(60),
          "the first poll of mailbox " + receiver.id(),
          () -> admin.get("mailboxes/" + receiver.id()).json(),
          m -> m.containsKey("lastSyncSucceededOn") && !m.isNull("lastSyncSucceededOn"));
      filterOf(receiver, method);
    }
    String to = receiver.user().address();
    deliver(
        receiver,
        message(
            correspondent.address(), to, "reply from correspondent", "In-Reply-To", sentMessageId));
    deliver(
        receiver,
        message(
            unique("stranger") + "@elsewhere.test",
            to,
            "reply from stranger",
            "References",
            "<older@elsewhere.test> " + sentMessageId));
    deliver(receiver, message(knownUser, to, "from a user"));
    deliver(receiver, message(unique("stranger") + "@elsewhere.test", to, "from a stranger"));
    List<String> expectedSubjects = expected.isEmpty() ? List.of() : List.of(expected.split("\\|"));

    receiver.syncNow(admin);
    JsonObject mailbox =
        Eventually.lastWithin(
            SENDING,
            () -> admin.get("mailboxes/" + receiver.id()).json(),
            m -> m.getJsonNumber("filteredOut").longValue() + records(receiver).size() >= 4);

    assertThat(records(receiver))
        .extracting(r -> r.getString("subject"))
        .containsExactlyInAnyOrderElementsOf(expectedSubjects);
    assertThat(mailbox.getJsonNumber("filteredOut").longValue())
        .isEqualTo(4L - expectedSubjects.size());
    assertThat(servers.dovecot().messageCount(receiver.user().name(), "INBOX")).isEqualTo(4);
  }

  /**
   * Addresses imported as known correspondents (e.g. from a CRM) are known to the filter; one
   * removed before its mail came is not. (Once a message of a sender is a record, that sender is
   * known by the record, imported or not.)
   */
  @Test
  void importedCorrespondentsAreKnownToTheFilterExceptOneRemoved() {
    String customer = unique("customer") + "@crm.test";
    String former = unique("former") + "@crm.test";
    Reply imported =
        admin.post(
            "known-correspondents",
            "{\"addresses\": [\"\\\"A Customer\\\" <%s>\", \"%s\"], \"source\": \"CRM\"}"
                .formatted(customer.toUpperCase(java.util.Locale.ROOT), former));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    JsonObject listed =
        admin.get("known-correspondents?search=" + customer).array().getJsonObject(0);
    long formerId =
        admin
            .get("known-correspondents?search=" + former)
            .array()
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    Reply removed = admin.delete("known-correspondents/" + formerId);
    WorkingMailbox receiver = receivingMailbox();
    filterOf(receiver, "KNOWN_CORRESPONDENTS");
    String to = receiver.user().address();

    deliver(receiver, message(customer, to, "from the customer"));
    deliver(receiver, message(former, to, "from the former customer"));
    receiver.syncNow(admin);

    assertThat(listed.getString("address") + " " + listed.getString("source"))
        .isEqualTo(customer + " CRM");
    assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
    assertThat(records(receiver))
        .extracting(r -> r.getString("subject"))
        .containsExactly("from the customer");
    assertThat(
            admin.get("mailboxes/" + receiver.id()).json().getJsonNumber("filteredOut").longValue())
        .isEqualTo(1L);
  }

  @Test
  void postfixsBounceOfAnEmailSyncPostSentMakesItBouncedWithTheReasonAndNoNewConversation()
      throws Exception {
    WorkingMailbox sender = WorkingMailbox.create(admin, servers);
    // Postfix accepts any address of the test domain; Dovecot refuses an unknown user over LMTP
    // after that, and Postfix bounces the email to its sender
    String nobody = unique("nobody") + "@" + MailUser.DOMAIN;
    long id = sender.send(admin, nobody, unique("Into the void"));
    JsonObject sent =
        WorkingMailbox.awaitEmail(
            admin, id, e -> List.of("SENT", "FAILED").contains(e.getString("status")), SENDING);
    assertThat(sent.getString("status")).as(sent.toString()).isEqualTo("SENT");

    JsonObject bounced =
        Eventually.lastWithin(
            SENDING,
            () -> {
              sender.syncNow(admin);
              return admin.get("emails/" + id).json();
            },
            e -> e.getString("status").equals("BOUNCED"));

    assertThat(bounced.getString("status")).as(bounced.toString()).isEqualTo("BOUNCED");
    assertThat(bounced.getJsonArray("deliveryReport").getString(0))
        .startsWith(nobody + ": ")
        .contains("5.1.1")
        .containsIgnoringCase("does not exist");
    List<JsonObject> received = records(sender);
    assertThat(received)
        .extracting(
            r ->
                r.getString("direction")
                    + " "
                    + r.getString("correlationMethod", null)
                    + " "
                    + r.get("conversationId"))
        .containsExactlyInAnyOrder(
            // the report joins the conversation the sent email starts (whose id is its own)
            "INCOMING DELIVERY_REPORT " + id, "OUTGOING NONE " + id);
    assertThat(alerts(sender.id(), "outgoing-bounced")).hasSize(1);
    assertThat(soap.emails().getEmail(id).getDeliveryReport())
        .containsExactlyElementsOf(
            bounced.getJsonArray("deliveryReport").getValuesAs(JsonString::getString));
  }

  @Test
  void aHundredAutoRepliesFromOneSenderMakeAtMostTheLimitOfRecordsAndOneAlert() {
    MailUser mailUser = servers.dovecot().addUser(unique("looped"), "pw-" + UUID.randomUUID());
    String responder = unique("responder") + "@elsewhere.test";
    servers
        .dovecot()
        .seedInbox(
            mailUser.name(),
            IntStream.range(0, 100)
                .mapToObj(
                    i ->
                        message(
                            responder,
                            mailUser.address(),
                            "Out of office " + i,
                            "Auto-Submitted",
                            "auto-replied"))
                .iterator());
    WorkingMailbox looped =
        WorkingMailbox.onProfile(
            admin, mailUser, WorkingMailbox.profile(admin, servers, false), false, null);

    looped.syncNow(admin);
    JsonObject mailbox =
        Eventually.lastWithin(
            SENDING,
            () -> admin.get("mailboxes/" + looped.id()).json(),
            m -> m.getJsonNumber("heldAsLoop").longValue() + records(looped).size() >= 100);

    assertThat(records(looped)).hasSize(LOOP_LIMIT);
    assertThat(
            mailbox.getJsonNumber("heldAsLoop").longValue()
                + " "
                + mailbox.getString("lastLoopSender"))
        .isEqualTo((100 - LOOP_LIMIT) + " " + responder);
    assertThat(alerts(looped.id(), "incoming-loop-held")).hasSize(1);
  }

  /**
   * Signed by an authority of the organisation's S/MIME trust store (the data directory's {@code
   * smime-trust.pem}), as signed or changed after signing; signed by an authority it does not hold;
   * encrypted for someone else: each recorded with its state, over REST and SOAP alike.
   */
  @Test
  void signedTamperedUntrustedAndEncryptedMailIsRecordedWithItsState() throws Exception {
    SignedMessages trusted = SignedMessages.create();
    SignedMessages untrusted = SignedMessages.create();
    Path trustStore = server.dataDir().resolve("smime-trust.pem");
    Files.writeString(trustStore, pem(trusted.authority()));
    try {
      WorkingMailbox receiver = receivingMailbox();
      String signer = unique("signer") + "@partner.test";
      String signed = trusted.signedBy(signer, "Please pay invoice 42.");
      deliver(receiver, ascii(signed.replace("Subject: Signed", "Subject: as signed")));
      deliver(
          receiver,
          ascii(
              signed
                  .replace("Subject: Signed", "Subject: tampered")
                  .replace("invoice 42", "invoice 43")));
      deliver(
          receiver,
          ascii(
              untrusted
                  .signedBy(signer, "Please pay invoice 44.")
                  .replace("Subject: Signed", "Subject: untrusted")));
      deliver(receiver, ascii(encrypted(signer, "Salaries 2027")));

      receiver.syncNow(admin);
      List<JsonObject> records =
          Eventually.lastWithin(SENDING, () -> records(receiver), found -> found.size() >= 4);

      assertThat(records)
          .extracting(
              r ->
                  r.getString("subject")
                      + " | "
                      + r.getString("signature", null)
                      + " | "
                      + r.getString("signer", null)
                      + " | "
                      + r.getString("encryption", null))
          .containsExactlyInAnyOrder(
              "as signed | VALID | " + signer + " | null",
              "tampered | INVALID | " + signer + " | null",
              "untrusted | UNKNOWN_SIGNER | " + signer + " | null",
              "encrypted | null | null | SMIME");
      for (JsonObject record : records) {
        var overSoap = soap.emails().getEmail(record.getJsonNumber("id").longValue());
        assertThat(
                overSoap.getSignature()
                    + " | "
                    + overSoap.getSigner()
                    + " | "
                    + overSoap.getEncryption())
            .isEqualTo(
                record.getString("signature", null)
                    + " | "
                    + record.getString("signer", null)
                    + " | "
                    + record.getString("encryption", null));
      }
    } finally {
      Files.deleteIfExists(trustStore);
    }
  }

  private static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  /** An S/MIME enveloped message (RFC 8551 §3.3) for a recipient whose key SyncPost lacks. */
  private static String encrypted(String from, String text) throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair recipient = rsa.generateKeyPair();
    CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
    generator.addRecipientInfoGenerator(
        new JceKeyTransRecipientInfoGenerator(new byte[] {1, 2, 3, 4}, recipient.getPublic()));
    byte[] enveloped =
        generator
            .generate(
                new CMSProcessableByteArray(
                    ("Content-Type: text/plain\r\n\r\n" + text)
                        .getBytes(StandardCharsets.US_ASCII)),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES128_CBC).build())
            .getEncoded();
    return "From: "
        + from
        + "\r\nTo: bob@example.org\r\nSubject: encrypted\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
        + "Content-Disposition: attachment; filename=smime.p7m\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(enveloped)
        + "\r\n";
  }

  private static byte[] ascii(String message) {
    return message.getBytes(StandardCharsets.US_ASCII);
  }

  /** The Message-ID of an email {@code sender} sent through Postfix to {@code to}. */
  private String sentMessageId(WorkingMailbox sender, String to, String subject) {
    long id = sender.send(admin, to, subject);
    JsonObject sent =
        WorkingMailbox.awaitEmail(admin, id, e -> e.getString("status").equals("SENT"), SENDING);
    assertThat(sent.getString("status")).as(sent.toString()).isEqualTo("SENT");
    return sent.getString("messageId");
  }

  private WorkingMailbox receivingMailbox() {
    return WorkingMailbox.onProfile(
        admin, servers, WorkingMailbox.profile(admin, servers, false), false);
  }

  /** A queue's mailbox, its queue's own incoming filter {@code method}, tested and enabled. */
  private WorkingMailbox queueMailbox(String method) {
    long profileId = WorkingMailbox.profile(admin, servers, false);
    MailUser mailUser = servers.dovecot().addUser(unique("queue"), "pw-" + UUID.randomUUID());
    Reply queue =
        admin.post(
            "queues",
            "{\"name\": \"%s\", \"email\": \"%s\", \"incomingFilter\": \"%s\"}"
                .formatted(mailUser.name(), mailUser.address(), method));
    assertThat(queue.status()).as(queue.toString()).isEqualTo(201);
    long mailboxId = queue.json().getJsonNumber("mailboxId").longValue();
    Reply configured =
        admin.patch(
            "mailboxes/" + mailboxId,
            IncomingMailbox.readingWith(profileId, mailUser)
                .add("folders", "INBOX")
                .build()
                .toString());
    assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
    admin.post("mailboxes/" + mailboxId + "/approve", "");
    JsonObject tested = admin.post("mailboxes/" + mailboxId + "/test-and-enable", "{}").json();
    assertThat(tested.getBoolean("enabledForIncoming")).as(tested.toString()).isTrue();
    return new WorkingMailbox(mailboxId, profileId, mailUser);
  }

  /** Sets the incoming filter of the user whose mailbox {@code box} is. */
  private void filterOf(WorkingMailbox box, String method) {
    long userId = admin.get("mailboxes/" + box.id()).json().getJsonNumber("userId").longValue();
    Reply changed = admin.patch("users/" + userId, "{\"incomingFilter\": \"" + method + "\"}");
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
  }

  private static void deliver(WorkingMailbox box, byte[] message) {
    servers.dovecot().deliver(box.user().name(), message);
  }

  /** A plain-text message with a random Message-ID and, in pairs, more header fields. */
  private static byte[] message(String from, String to, String subject, String... headers) {
    StringBuilder extra = new StringBuilder();
    for (int i = 0; i < headers.length; i += 2) {
      extra.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    byte[] head = extra.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] plain = Messages.plainText(from, to, subject, "Hello");
    byte[] all = new byte[head.length + plain.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(plain, 0, all, head.length, plain.length);
    return all;
  }

  private List<JsonObject> records(WorkingMailbox box) {
    List<JsonObject> all = new ArrayList<>();
    admin
        .get("emails?mailboxId=" + box.id() + "&limit=1000")
        .array()
        .forEach(r -> all.add(r.asJsonObject()));
    return all;
  }

  private List<JsonObject> alerts(long mailboxId, String code) {
    return admin.get("alerts?mailboxId=" + mailboxId).array().stream()
        .map(JsonValue::asJsonObject)
        .filter(a -> a.getString("code").equals(code))
        .toList();
  }
}
