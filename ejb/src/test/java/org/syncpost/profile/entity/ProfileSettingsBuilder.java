package org.syncpost.profile.entity;

import java.time.Instant;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.RevocationCheck;

/** Test fixture: valid profile settings by default, changed one component at a time. */
public final class ProfileSettingsBuilder {

  public static final Instant PROCESS_FROM = Instant.parse("2025-03-01T08:00:00Z");

  private String name = "Contoso";
  private String description;
  private ServerType serverType = ServerType.IMAP_SMTP;
  private String incomingServer = "imap.example.com";
  private Integer incomingPort;
  private Boolean incomingUseSsl = true;
  private String outgoingServer = "smtp.example.com";
  private Integer outgoingPort;
  private Boolean outgoingUseSsl = true;
  private CredentialSource incomingCredentialSource = CredentialSource.USER_OR_QUEUE;
  private CredentialSource outgoingCredentialSource = CredentialSource.USER_OR_QUEUE;
  private AuthProtocol incomingAuthProtocol = AuthProtocol.AUTO_DETECT;
  private AuthProtocol outgoingAuthProtocol = AuthProtocol.AUTO_DETECT;
  private String username;
  private Secret password;
  private String outgoingUsername;
  private Secret outgoingPassword;
  private Boolean useSameSettingsForOutgoing = true;
  private Instant processEmailFrom = PROCESS_FROM;
  private Integer minPollingIntervalMinutes = 1;
  private Boolean pushIncomingEmail = false;
  private Integer maxConcurrentConnections = 10;
  private Integer connectionTimeoutSeconds = 30;
  private Boolean alertOwnerOnFailures = false;
  private Long ownerId;
  private RevocationCheck revocationCheck = RevocationCheck.ON;
  private String trustedCertificatesPem;
  private Integer maxMessagesPerMinute;

  private ProfileSettingsBuilder() {}

  /** An IMAP/SMTP profile over SSL with each mailbox's own credentials. */
  public static ProfileSettingsBuilder imap() {
    return new ProfileSettingsBuilder();
  }

  public static ProfileSettingsBuilder pop3() {
    return new ProfileSettingsBuilder()
        .serverType(ServerType.POP3_SMTP)
        .incomingServer("pop.example.com");
  }

  /** Only what has no default: name, server type and servers; everything else empty. */
  public static ProfileSettingsBuilder onlyRequired() {
    ProfileSettingsBuilder b = new ProfileSettingsBuilder();
    b.incomingUseSsl = null;
    b.outgoingUseSsl = null;
    b.incomingCredentialSource = null;
    b.outgoingCredentialSource = null;
    b.incomingAuthProtocol = null;
    b.outgoingAuthProtocol = null;
    b.useSameSettingsForOutgoing = null;
    b.processEmailFrom = null;
    b.minPollingIntervalMinutes = null;
    b.maxConcurrentConnections = null;
    b.connectionTimeoutSeconds = null;
    b.alertOwnerOnFailures = null;
    b.pushIncomingEmail = null;
    b.revocationCheck = null;
    return b;
  }

  /**
   * An IMAP profile named {@code name} as the container tests store it: only the required fields
   * and the choices the facade does not default, servers under example.org.
   */
  public static ProfileSettingsBuilder entered(String name) {
    return onlyRequired()
        .name(name)
        .incomingServer("imap.example.org")
        .outgoingServer("smtp.example.org")
        .incomingCredentialSource(CredentialSource.USER_OR_QUEUE)
        .incomingAuthProtocol(AuthProtocol.AUTO_DETECT)
        .processEmailFrom(Instant.parse("2026-01-01T00:00:00Z"))
        .revocationCheck(RevocationCheck.ON);
  }

  public ProfileSettingsBuilder name(String value) {
    name = value;
    return this;
  }

  public ProfileSettingsBuilder description(String value) {
    description = value;
    return this;
  }

  public ProfileSettingsBuilder serverType(ServerType value) {
    serverType = value;
    return this;
  }

  public ProfileSettingsBuilder incomingServer(String value) {
    incomingServer = value;
    return this;
  }

  public ProfileSettingsBuilder incomingPort(Integer value) {
    incomingPort = value;
    return this;
  }

  public ProfileSettingsBuilder incomingUseSsl(Boolean value) {
    incomingUseSsl = value;
    return this;
  }

  public ProfileSettingsBuilder outgoingServer(String value) {
    outgoingServer = value;
    return this;
  }

  public ProfileSettingsBuilder outgoingPort(Integer value) {
    outgoingPort = value;
    return this;
  }

  public ProfileSettingsBuilder outgoingUseSsl(Boolean value) {
    outgoingUseSsl = value;
    return this;
  }

  /** SSL on or off for both directions. */
  public ProfileSettingsBuilder useSsl(boolean value) {
    incomingUseSsl = value;
    outgoingUseSsl = value;
    return this;
  }

  public ProfileSettingsBuilder incomingCredentialSource(CredentialSource value) {
    incomingCredentialSource = value;
    return this;
  }

  public ProfileSettingsBuilder outgoingCredentialSource(CredentialSource value) {
    outgoingCredentialSource = value;
    return this;
  }

  public ProfileSettingsBuilder incomingAuthProtocol(AuthProtocol value) {
    incomingAuthProtocol = value;
    return this;
  }

  public ProfileSettingsBuilder outgoingAuthProtocol(AuthProtocol value) {
    outgoingAuthProtocol = value;
    return this;
  }

  public ProfileSettingsBuilder username(String value) {
    username = value;
    return this;
  }

  public ProfileSettingsBuilder password(Secret value) {
    password = value;
    return this;
  }

  public ProfileSettingsBuilder outgoingUsername(String value) {
    outgoingUsername = value;
    return this;
  }

  public ProfileSettingsBuilder outgoingPassword(Secret value) {
    outgoingPassword = value;
    return this;
  }

  public ProfileSettingsBuilder useSameSettingsForOutgoing(Boolean value) {
    useSameSettingsForOutgoing = value;
    return this;
  }

  public ProfileSettingsBuilder processEmailFrom(Instant value) {
    processEmailFrom = value;
    return this;
  }

  public ProfileSettingsBuilder minPollingIntervalMinutes(Integer value) {
    minPollingIntervalMinutes = value;
    return this;
  }

  public ProfileSettingsBuilder maxConcurrentConnections(Integer value) {
    maxConcurrentConnections = value;
    return this;
  }

  public ProfileSettingsBuilder connectionTimeoutSeconds(Integer value) {
    connectionTimeoutSeconds = value;
    return this;
  }

  public ProfileSettingsBuilder alertOwnerOnFailures(Boolean value) {
    alertOwnerOnFailures = value;
    return this;
  }

  public ProfileSettingsBuilder ownerId(Long value) {
    ownerId = value;
    return this;
  }

  public ProfileSettingsBuilder revocationCheck(RevocationCheck value) {
    revocationCheck = value;
    return this;
  }

  public ProfileSettingsBuilder maxMessagesPerMinute(Integer value) {
    maxMessagesPerMinute = value;
    return this;
  }

  public ProfileSettingsBuilder pushIncomingEmail(Boolean value) {
    pushIncomingEmail = value;
    return this;
  }

  public ProfileSettingsBuilder trustedCertificatesPem(String value) {
    trustedCertificatesPem = value;
    return this;
  }

  public ProfileSettings build() {
    return new ProfileSettings(
        name,
        description,
        serverType,
        incomingServer,
        incomingPort,
        incomingUseSsl,
        outgoingServer,
        outgoingPort,
        outgoingUseSsl,
        incomingCredentialSource,
        outgoingCredentialSource,
        incomingAuthProtocol,
        outgoingAuthProtocol,
        username,
        password,
        outgoingUsername,
        outgoingPassword,
        useSameSettingsForOutgoing,
        processEmailFrom,
        minPollingIntervalMinutes,
        maxConcurrentConnections,
        connectionTimeoutSeconds,
        alertOwnerOnFailures,
        ownerId,
        revocationCheck,
        trustedCertificatesPem,
        maxMessagesPerMinute,
        pushIncomingEmail);
  }
}
