package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.Dovecot;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ServerCertificate;
import org.syncpost.testing.mail.TestCertificates;

/**
 * A mailbox whose incoming email a running SyncPost takes from a private Dovecot over IMAPS: its
 * own profile and Dovecot user, approved, tested and enabled. For push, polling and benchmark
 * tests; the profile's polling interval, push and connection limit are chosen per test.
 */
public record IncomingMailbox(Api admin, long id, long profileId, MailUser user) {

  /** How the profile of a new mailbox is set up. */
  public static final class Setup {
    private final Api admin;
    private final Dovecot dovecot;
    private final TestCertificates certificates;
    private int pollingMinutes = 1;
    private boolean push;
    private int maxConnections = 10;
    private String incomingServer;

    private Setup(Api admin, Dovecot dovecot, TestCertificates certificates) {
      this.admin = admin;
      this.dovecot = dovecot;
      this.certificates = certificates;
    }

    public Setup pollingEveryMinutes(int minutes) {
      pollingMinutes = minutes;
      return this;
    }

    public Setup push(boolean on) {
      push = on;
      return this;
    }

    /** Where the profile reads mail, e.g. a proxy in front of Dovecot's IMAPS port. */
    public Setup incomingServer(String hostAndPort) {
      incomingServer = hostAndPort;
      return this;
    }

    public Setup maxConnections(int max) {
      maxConnections = max;
      return this;
    }

    /** The profile for these settings, for several mailboxes of one profile. */
    public long createProfile() {
      Reply profile =
          admin.post(
              "profiles",
              Json.createObjectBuilder()
                  .add("name", Bodies.unique("incoming"))
                  .add("serverType", "IMAP_SMTP")
                  .add(
                      "incomingServer",
                      incomingServer != null
                          ? incomingServer
                          : ServerCertificate.VALID.address() + ":" + dovecot.imapsPort())
                  .add("outgoingServer", "smtp.invalid:465")
                  .add("connectionTimeoutSeconds", 30)
                  .add("trustedCertificatesPem", certificates.caCertificatePem())
                  .add("revocationCheck", "OFF")
                  .add("processEmailFrom", "2020-01-01T00:00:00Z")
                  .add("minPollingIntervalMinutes", pollingMinutes)
                  .add("maxConcurrentConnections", maxConnections)
                  .add("pushIncomingEmail", push)
                  .build()
                  .toString());
      assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
      return profile.json().getJsonNumber("id").longValue();
    }

    /** The mailbox of {@code mailUser} (an existing Dovecot user) on a new profile. */
    public IncomingMailbox create(MailUser mailUser) {
      return createOn(createProfile(), mailUser);
    }

    /** A new Dovecot user's mailbox on a new profile. */
    public IncomingMailbox create() {
      return createOn(
          createProfile(), dovecot.addUser(Bodies.unique("in"), "pw-" + UUID.randomUUID()));
    }

    /** The mailbox of {@code mailUser} (an existing Dovecot user) on {@code profileId}. */
    public IncomingMailbox createOn(long profileId, MailUser mailUser) {
      WorkingMailbox enabled = WorkingMailbox.onProfile(admin, mailUser, profileId, false, null);
      return new IncomingMailbox(admin, enabled.id(), profileId, mailUser);
    }
  }

  /**
   * The mailbox settings (a PATCH body) that make a mailbox read {@code mailUser}'s mail on {@code
   * profileId} with its credentials, and send nothing; a test adds or replaces keys.
   */
  public static JsonObjectBuilder readingWith(long profileId, MailUser mailUser) {
    return Json.createObjectBuilder()
        .add("profileId", profileId)
        .add("username", mailUser.address())
        .add("password", mailUser.password())
        .add("allowCredentialUse", true)
        .add("incomingDeliveryMethod", "SERVER_SIDE_SYNC")
        .add("outgoingDeliveryMethod", "NONE");
  }

  /**
   * A user for {@code mailUser} whose mailbox reads its INBOX on {@code profileId} with its
   * credentials, neither approved nor tested yet.
   *
   * @return the mailbox's id
   */
  public static long configureOn(Api admin, long profileId, MailUser mailUser) {
    return configureOn(admin, profileId, mailUser, false, null);
  }

  /**
   * A user for {@code mailUser} whose mailbox reads its INBOX on {@code profileId} with its
   * credentials and, when {@code outgoing}, sends through the profile too; neither approved nor
   * tested yet. With a {@code signInPassword} the user signs in to SyncPost as a mailbox owner.
   *
   * @return the mailbox's id
   */
  public static long configureOn(
      Api admin, long profileId, MailUser mailUser, boolean outgoing, String signInPassword) {
    return configureOn(admin, profileId, mailUser, outgoing, signInPassword, settings -> {});
  }

  /**
   * As {@link #configureOn(Api, long, MailUser, boolean, String)}, the mailbox's settings then
   * changed by {@code adjust} (a key it adds replaces the usual one, e.g. a wrong password).
   */
  public static long configureOn(
      Api admin,
      long profileId,
      MailUser mailUser,
      boolean outgoing,
      String signInPassword,
      Consumer<JsonObjectBuilder> adjust) {
    JsonObjectBuilder newUser =
        Json.createObjectBuilder().add("name", mailUser.name()).add("email", mailUser.address());
    if (signInPassword != null) {
      newUser
          .add("roles", Json.createArrayBuilder().add("mailbox-owner"))
          .add("password", signInPassword);
    }
    Reply user = admin.post("users", newUser.build().toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    long mailboxId = user.json().getJsonNumber("mailboxId").longValue();
    JsonObjectBuilder settings =
        readingWith(profileId, mailUser)
            .add("outgoingDeliveryMethod", outgoing ? "SERVER_SIDE_SYNC" : "NONE")
            .add("folders", "INBOX");
    adjust.accept(settings);
    Reply configured = admin.patch("mailboxes/" + mailboxId, settings.build().toString());
    assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
    return mailboxId;
  }

  public static Setup on(Api admin, Dovecot dovecot, TestCertificates certificates) {
    return new Setup(admin, dovecot, certificates);
  }

  public long recordCount() {
    return Long.parseLong(admin.get("emails?mailboxId=" + id + "&limit=1").header("X-Total-Count"));
  }

  public JsonObject json() {
    return admin.get("mailboxes/" + id).json();
  }

  /**
   * Polls {@code condition} every 100 ms until it holds or {@code timeout} passes.
   *
   * @return whether it held
   */
  public static boolean await(BooleanSupplier condition, Duration timeout) {
    return Eventually.lastWithin(timeout, condition::getAsBoolean, Boolean.TRUE::equals);
  }
}
