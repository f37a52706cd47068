package org.syncpost.profile.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.syncpost.audit.entity.Tracked;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.directory.entity.User;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.validation.entity.Violation;

/**
 * How SyncPost reaches a set of mailboxes: the incoming (IMAP or POP3) and outgoing (SMTP) servers,
 * TLS, whose credentials sign in, and how hard it may poll.
 */
@Entity
@Table(name = "email_server_profile")
@NamedQuery(
    name = EmailServerProfile.ALL,
    query = "select p from EmailServerProfile p order by p.name")
@NamedQuery(name = EmailServerProfile.COUNT, query = "select count(p) from EmailServerProfile p")
@NamedQuery(
    name = EmailServerProfile.NAMED,
    query = "select p from EmailServerProfile p where lower(p.name) = lower(:name)")
public class EmailServerProfile extends Tracked {

  public static final String ALL = "EmailServerProfile.all";
  public static final String COUNT = "EmailServerProfile.count";
  public static final String NAMED = "EmailServerProfile.named";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "email_server_profile_seq")
  @SequenceGenerator(
      name = "email_server_profile_seq",
      sequenceName = "email_server_profile_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(length = 2000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "server_type", nullable = false, length = 20)
  private ServerType serverType;

  @Embedded
  @AttributeOverride(name = "host", column = @Column(name = "incoming_server"))
  @AttributeOverride(name = "port", column = @Column(name = "incoming_port"))
  @AttributeOverride(name = "useSsl", column = @Column(name = "incoming_use_ssl"))
  @AttributeOverride(
      name = "credentialSource",
      column = @Column(name = "incoming_credential_source"))
  @AttributeOverride(name = "authProtocol", column = @Column(name = "incoming_auth_protocol"))
  @AttributeOverride(name = "username", column = @Column(name = "incoming_username"))
  @AttributeOverride(name = "password", column = @Column(name = "incoming_password"))
  private ServerConnection incoming;

  @Embedded
  @AttributeOverride(name = "host", column = @Column(name = "outgoing_server"))
  @AttributeOverride(name = "port", column = @Column(name = "outgoing_port"))
  @AttributeOverride(name = "useSsl", column = @Column(name = "outgoing_use_ssl"))
  @AttributeOverride(
      name = "credentialSource",
      column = @Column(name = "outgoing_credential_source"))
  @AttributeOverride(name = "authProtocol", column = @Column(name = "outgoing_auth_protocol"))
  @AttributeOverride(name = "username", column = @Column(name = "outgoing_username"))
  @AttributeOverride(name = "password", column = @Column(name = "outgoing_password"))
  private ServerConnection outgoing;

  @Column(name = "use_same_settings_for_outgoing", nullable = false)
  private boolean useSameSettingsForOutgoing;

  @Column(name = "process_email_from", nullable = false)
  private Instant processEmailFrom;

  @Column(name = "min_polling_interval_minutes", nullable = false)
  private int minPollingIntervalMinutes;

  @Column(name = "max_concurrent_connections", nullable = false)
  private int maxConcurrentConnections;

  @Column(name = "connection_timeout_seconds", nullable = false)
  private int connectionTimeoutSeconds;

  @Column(name = "alert_owner_on_failures", nullable = false)
  private boolean alertOwnerOnFailures;

  @Column(name = "push_incoming_email", nullable = false)
  private boolean pushIncomingEmail;

  @ManyToOne
  @JoinColumn(name = "owner_id")
  private User owner;

  @Enumerated(EnumType.STRING)
  @Column(name = "revocation_check", nullable = false, length = 20)
  private RevocationCheck revocationCheck;

  @Column(name = "trusted_certificates_pem")
  private String trustedCertificatesPem;

  /** Outgoing messages per minute over all its mailboxes, so providers do not block the sender. */
  @Column(name = "max_messages_per_minute")
  private Integer maxMessagesPerMinute;

  /** How the profile's own credentials act for each mailbox (issue 13: never the account's own). */
  @Embedded private Impersonation impersonation;

  /** The OAuth 2.0 client its OAUTH2 credential source gets access tokens with (issue 15). */
  @Embedded private OAuthSettings oauth;

  /**
   * What is wrong with {@code settings} for this profile beyond field formats: rules that depend on
   * several fields, on what the profile was before, and on what the organisation allows.
   */
  public List<Violation> violationsOf(ProfileSettings settings, boolean nonSslEmailAllowed) {
    List<Violation> found = new ArrayList<>();
    if (serverType != null
        && settings.serverType() != null
        && !serverType.canBecome(settings.serverType())) {
      found.add(
          new Violation(
              "serverType",
              "a POP3/SMTP profile cannot be turned into an IMAP/SMTP profile; create a new"
                  + " IMAP/SMTP profile and move the mailboxes to it"));
    }
    checkLocation(found, "incomingServer", settings.incomingServer());
    checkLocation(found, "outgoingServer", settings.outgoingServer());
    checkSsl(found, "incomingUseSsl", settings.incomingUseSsl(), nonSslEmailAllowed);
    checkSsl(found, "outgoingUseSsl", settings.outgoingUseSsl(), nonSslEmailAllowed);
    CredentialSource in = settings.incomingCredentialSource();
    if (in != null && !in.validForIncoming()) {
      found.add(new Violation("incomingCredentialSource", invalidSourceMessage(in, true)));
    }
    checkAuthProtocol(found, "incomingAuthProtocol", in, settings.incomingAuthProtocol());
    if (settings.impersonation() != null) {
      settings
          .impersonation()
          .problem()
          .ifPresent(problem -> found.add(new Violation("masterUserSeparator", problem)));
    }
    if (Boolean.TRUE.equals(settings.useSameSettingsForOutgoing())) {
      checkProfileCredentials(
          found, "", in, settings.username(), settings.password(), stored(incoming).getPassword());
    } else {
      CredentialSource out = settings.outgoingCredentialSource();
      if (out != null && !out.validForOutgoing()) {
        found.add(new Violation("outgoingCredentialSource", invalidSourceMessage(out, false)));
      }
      checkAuthProtocol(found, "outgoingAuthProtocol", out, settings.outgoingAuthProtocol());
      checkProfileCredentials(
          found, "", in, settings.username(), settings.password(), stored(incoming).getPassword());
      checkProfileCredentials(
          found,
          "outgoing",
          out,
          settings.outgoingUsername(),
          settings.outgoingPassword(),
          stored(outgoing).getPassword());
    }
    return found;
  }

  /**
   * Takes settings that passed {@link #violationsOf}: splits {@code host:port}, fills empty ports
   * from protocol and SSL, mirrors incoming credentials to outgoing when asked, and forgets profile
   * credentials that the chosen source no longer uses.
   */
  public void configure(ProfileSettings settings, User newOwner) {
    ServerType type = settings.serverType();
    incoming =
        stored(incoming)
            .configured(
                type.incoming(),
                ServerAddress.parse(settings.incomingServer()).orElseThrow(),
                settings.incomingPort(),
                settings.incomingUseSsl(),
                settings.incomingCredentialSource(),
                settings.incomingAuthProtocol(),
                settings.username(),
                settings.password());
    useSameSettingsForOutgoing = settings.useSameSettingsForOutgoing();
    ServerConnection out =
        stored(outgoing)
            .configured(
                type.outgoing(),
                ServerAddress.parse(settings.outgoingServer()).orElseThrow(),
                settings.outgoingPort(),
                settings.outgoingUseSsl(),
                settings.outgoingCredentialSource(),
                settings.outgoingAuthProtocol(),
                settings.outgoingUsername(),
                settings.outgoingPassword());
    outgoing = useSameSettingsForOutgoing ? out.signingInAs(incoming) : out;
    name = settings.name().strip();
    description = settings.description();
    serverType = type;
    processEmailFrom = settings.processEmailFrom();
    minPollingIntervalMinutes = settings.minPollingIntervalMinutes();
    maxConcurrentConnections = settings.maxConcurrentConnections();
    connectionTimeoutSeconds = settings.connectionTimeoutSeconds();
    alertOwnerOnFailures = settings.alertOwnerOnFailures();
    pushIncomingEmail = settings.pushIncomingEmail();
    owner = newOwner;
    revocationCheck = settings.revocationCheck();
    trustedCertificatesPem = blankToNull(settings.trustedCertificatesPem());
    maxMessagesPerMinute = settings.maxMessagesPerMinute();
    impersonation =
        settings.impersonation() == null
            ? Impersonation.DEFAULT
            : settings.impersonation().withDefaults();
  }

  /** What is wrong with {@code input} as this profile's OAuth client. */
  public List<Violation> oauthViolationsOf(OAuthSettings.Input input) {
    return getOAuth().violationsOf(input);
  }

  /** Takes an OAuth client that passed {@link #oauthViolationsOf}. */
  public void configureOAuth(OAuthSettings.Input input) {
    oauth = getOAuth().changed(input);
  }

  /** Keeps {@code preset}'s OAuth endpoints and scopes when it signs in by OAuth. */
  public void startFrom(ProviderPreset preset) {
    if (getIncoming().getCredentialSource() == CredentialSource.OAUTH2) {
      oauth = preset.oauth();
    }
  }

  /** How it gets OAuth 2.0 access tokens; nothing set when it does not sign in by OAuth. */
  public OAuthSettings getOAuth() {
    return oauth == null ? OAuthSettings.none() : oauth;
  }

  /** Whether both are the same stored profile, or both none. */
  public static boolean same(EmailServerProfile one, EmailServerProfile other) {
    if (one == null || other == null) {
      return one == other;
    }
    return one.getId() != null && one.getId().equals(other.getId());
  }

  /** Reassigns the profile owner, e.g. when the owning user is removed. */
  public void transferOwnership(User newOwner) {
    owner = newOwner;
  }

  private static void checkLocation(List<Violation> found, String field, String location) {
    if (location != null && !location.isBlank() && ServerAddress.parse(location).isEmpty()) {
      found.add(
          new Violation(
              field,
              "write a host name, optionally followed by ':' and a port number between 1 and 65535"));
    }
  }

  private static void checkSsl(
      List<Violation> found, String field, Boolean useSsl, boolean nonSslEmailAllowed) {
    if (Boolean.FALSE.equals(useSsl) && !nonSslEmailAllowed) {
      found.add(
          new Violation(
              field,
              "the organisation does not allow email without SSL/TLS; keep SSL on, or first turn"
                  + " on allowNonSslEmail in the email settings"));
    }
  }

  private static void checkAuthProtocol(
      List<Violation> found, String field, CredentialSource source, AuthProtocol protocol) {
    if (protocol != null
        && protocol.usesAccessToken()
        && source != null
        && source != CredentialSource.OAUTH2) {
      found.add(
          new Violation(
              field,
              "OAuth authentication needs the OAUTH2 credential source; choose that source"));
    }
  }

  private static void checkProfileCredentials(
      List<Violation> found,
      String prefix,
      CredentialSource source,
      String username,
      Secret password,
      Secret storedPassword) {
    if (source != CredentialSource.PROFILE) {
      return;
    }
    String usernameField = prefix.isEmpty() ? "username" : prefix + "Username";
    String passwordField = prefix.isEmpty() ? "password" : prefix + "Password";
    if (username == null || username.isBlank()) {
      found.add(
          new Violation(
              usernameField,
              "enter the user name of an account that may read and send for every mailbox of this"
                  + " profile (credentials specified in the profile)"));
    }
    if (password == null && storedPassword == null) {
      found.add(new Violation(passwordField, "enter the password of that account"));
    }
  }

  private static String invalidSourceMessage(CredentialSource source, boolean incoming) {
    String choices =
        incoming
            ? "USER_OR_QUEUE, PROFILE or OAUTH2"
            : "USER_OR_QUEUE, PROFILE, SERVER_IDENTITY or OAUTH2";
    if (source == CredentialSource.ANONYMOUS) {
      return "connecting without credentials (anonymous) is not a valid setting: mail servers"
          + " relay or expose mail for anyone that way; choose "
          + choices;
    }
    return "the server identity applies to outgoing (SMTP) connections only; choose " + choices;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public ServerType getServerType() {
    return serverType;
  }

  /** The incoming (IMAP or POP3) server and how to sign in to it. */
  public Impersonation getImpersonation() {
    return impersonation == null ? Impersonation.DEFAULT : impersonation;
  }

  public ServerConnection getIncoming() {
    return stored(incoming);
  }

  /**
   * The outgoing (SMTP) server and how to sign in to it: with the incoming user name and password
   * when settings are shared.
   */
  public ServerConnection getOutgoing() {
    return useSameSettingsForOutgoing
        ? stored(outgoing).withCredentialsOf(stored(incoming))
        : stored(outgoing);
  }

  private static ServerConnection stored(ServerConnection connection) {
    return connection == null ? ServerConnection.unset() : connection;
  }

  public boolean isUseSameSettingsForOutgoing() {
    return useSameSettingsForOutgoing;
  }

  public Instant getProcessEmailFrom() {
    return processEmailFrom;
  }

  /** Whether its IMAP mailboxes listen for new mail (IDLE) unless a mailbox says otherwise. */
  public boolean isPushIncomingEmail() {
    return pushIncomingEmail;
  }

  public int getMinPollingIntervalMinutes() {
    return minPollingIntervalMinutes;
  }

  public int getMaxConcurrentConnections() {
    return maxConcurrentConnections;
  }

  /**
   * @return the sending rate limit, or {@code null} for none
   */
  public Integer getMaxMessagesPerMinute() {
    return maxMessagesPerMinute;
  }

  public int getConnectionTimeoutSeconds() {
    return connectionTimeoutSeconds;
  }

  public boolean isAlertOwnerOnFailures() {
    return alertOwnerOnFailures;
  }

  public User getOwner() {
    return owner;
  }

  public RevocationCheck getRevocationCheck() {
    return revocationCheck;
  }

  public String getTrustedCertificatesPem() {
    return trustedCertificatesPem;
  }
}
