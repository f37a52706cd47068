package org.syncpost.mailbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.Need;
import org.syncpost.mailserver.control.AccessTokens;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailProtocol;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.OAuthClient;
import org.syncpost.mailserver.entity.TlsMode;
import org.syncpost.mailserver.entity.TrustSettings;
import org.syncpost.profile.entity.CredentialSource;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.Impersonation;
import org.syncpost.profile.entity.MailboxIdentity;
import org.syncpost.profile.entity.ProfileSettings;
import org.syncpost.profile.entity.ServerConnection;
import org.syncpost.settings.entity.OrganisationSettings;

/**
 * Works out the incoming (IMAP/POP3) and outgoing (SMTP) server of a mailbox from its profile:
 * where, TLS, whose credentials, trust and connection budget.
 *
 * <p>Credentials by the profile's "authenticate using":
 *
 * <ul>
 *   <li>credentials specified by a user or queue: the mailbox's user name and password, only when
 *       the mailbox allows their use for email processing;
 *   <li>credentials specified in the profile: the profile's account (outgoing one for SMTP, which
 *       is the incoming one when the profile uses the same settings for outgoing) signing in on
 *       behalf of the mailbox, as the profile's {@link Impersonation} says: a SASL authorization
 *       identity or the master-user login. Never the account alone: that session would be the
 *       account's own mailbox, not this mailbox;
 *   <li>server identity (SMTP only): the user name and password of the application server's own
 *       Jakarta Mail session, looked up in JNDI under {@value #SERVER_IDENTITY_SESSION} (default
 *       {@value #DEFAULT_SERVER_IDENTITY_SESSION}), e.g. a Payara {@code create-javamail-resource}
 *       or a WildFly mail session. The user is its {@code mail.smtp.user} (or {@code mail.user});
 *       the password comes from the session's authenticator (which is how both servers hand it
 *       over) or else its {@code mail.smtp.password} (or {@code mail.password}) property. The host
 *       and port stay the profile's: the profile says where, the server says who;
 *   <li>OAuth 2.0 (app-only, issue 15): the mailbox's email address as XOAUTH2 user and an access
 *       token that {@link AccessTokens} gets for that address from the profile's OAuth client.
 * </ul>
 */
@ApplicationScoped
public class Endpoints {

  public static final String SERVER_IDENTITY_SESSION = "syncpost.mail.server-identity-session";
  public static final String DEFAULT_SERVER_IDENTITY_SESSION = "mail/syncpost";

  @Inject
  @ConfigProperty(name = SERVER_IDENTITY_SESSION, defaultValue = DEFAULT_SERVER_IDENTITY_SESSION)
  String serverIdentitySession = DEFAULT_SERVER_IDENTITY_SESSION;

  @Inject AccessTokens accessTokens;
  @Inject DelegatedAccess delegated;

  /** JNDI in the server; tests hand in sessions of their own. */
  Function<String, Session> sessionLookup = Endpoints::lookUp;

  private record Credentials(
      String username, Secret password, String actingFor, String authorizationId) {
    Credentials(String username, Secret password) {
      this(username, password, null, null);
    }
  }

  /**
   * The IMAP or POP3 server of {@code mailbox}.
   *
   * @throws MailServerFailure {@code NO_PROFILE}, {@code NON_SSL_NOT_ALLOWED}, {@code
   *     CREDENTIALS_MISSING} or {@code UNSUPPORTED_AUTHENTICATION}
   */
  public Endpoint incomingOf(Mailbox mailbox, OrganisationSettings organisation) {
    EmailServerProfile profile = profileOf(mailbox);
    return endpointOf(
        mailbox, profile, profile.getServerType().incoming(), profile.getIncoming(), organisation);
  }

  /**
   * The SMTP server of {@code mailbox}.
   *
   * @throws MailServerFailure {@code NO_PROFILE}, {@code NON_SSL_NOT_ALLOWED}, {@code
   *     CREDENTIALS_MISSING} or {@code UNSUPPORTED_AUTHENTICATION}
   */
  public Endpoint outgoingOf(Mailbox mailbox, OrganisationSettings organisation) {
    EmailServerProfile profile = profileOf(mailbox);
    return endpointOf(
        mailbox, profile, profile.getServerType().outgoing(), profile.getOutgoing(), organisation);
  }

  /** One direction's server of the profile, signed in to as the mailbox's credentials say. */
  private Endpoint endpointOf(
      Mailbox mailbox,
      EmailServerProfile profile,
      MailProtocol protocol,
      ServerConnection connection,
      OrganisationSettings organisation) {
    boolean outgoing = protocol == MailProtocol.SMTP;
    TlsMode tls = TlsMode.of(protocol, connection.getPort(), connection.isUseSsl());
    String server = Endpoint.describe(protocol, connection.getHost(), connection.getPort());
    requireAllowedTls(tls, organisation, server);
    Credentials credentials =
        credentialsFor(
            connection.getCredentialSource(),
            mailbox,
            connection.getUsername(),
            connection.getPassword(),
            server,
            outgoing);
    return endpoint(
        mailbox,
        profile,
        protocol,
        connection.getHost(),
        connection.getPort(),
        tls,
        credentials,
        connection.getAuthProtocol(),
        outgoing);
  }

  /**
   * The incoming or outgoing server of a profile as its form holds it, before or without saving,
   * for "test connection": signs in as the profile's own account (not on behalf of a mailbox), as
   * the application server's identity for SMTP when the profile says so, or — when the profile
   * signs in with each mailbox's credentials — with the user name and password given for the test.
   *
   * @param testUsername a mailbox's user name to test with, or {@code null}
   * @param testPassword its password, or {@code null}
   * @throws MailServerFailure {@code NON_SSL_NOT_ALLOWED}, {@code CREDENTIALS_MISSING} or {@code
   *     UNSUPPORTED_AUTHENTICATION}
   */
  public Endpoint ofProfile(
      EmailServerProfile profile,
      boolean outgoing,
      OrganisationSettings organisation,
      String testUsername,
      Secret testPassword) {
    ServerConnection connection = outgoing ? profile.getOutgoing() : profile.getIncoming();
    MailProtocol protocol =
        outgoing ? profile.getServerType().outgoing() : profile.getServerType().incoming();
    String host = connection.getHost();
    int port = connection.getPort();
    TlsMode tls = TlsMode.of(protocol, port, connection.isUseSsl());
    String server = Endpoint.describe(protocol, host, port);
    requireAllowedTls(tls, organisation, server);
    Credentials credentials =
        switch (connection.getCredentialSource()) {
          case USER_OR_QUEUE -> {
            if (isBlank(testUsername) || testPassword == null) {
              throw MailServerFailure.of(
                  FailureCause.CREDENTIALS_MISSING,
                  server,
                  "the profile signs in with each mailbox's own credentials: enter a mailbox's user"
                      + " name and password to test with",
                  "credential source USER_OR_QUEUE, connection test");
            }
            yield new Credentials(testUsername.strip(), testPassword);
          }
          case PROFILE ->
              profileCredentials(connection.getUsername(), connection.getPassword(), server);
          case OAUTH2 -> {
            if (isBlank(testUsername)) {
              throw MailServerFailure.of(
                  FailureCause.CREDENTIALS_MISSING,
                  server,
                  "the profile signs in by OAuth 2.0 for each mailbox: enter a mailbox's email"
                      + " address to test with",
                  "credential source OAUTH2, connection test");
            }
            DelegatedAccess.refuseProfileTest(profile, server);
            yield oauthCredentials(profile, testUsername.strip(), server);
          }
          default ->
              credentialsFor(connection.getCredentialSource(), null, null, null, server, outgoing);
        };
    int timeout = profile.getConnectionTimeoutSeconds();
    return new Endpoint(
        protocol,
        host,
        port,
        tls,
        timeout > 0 ? timeout : ProfileSettings.DEFAULT_TIMEOUT_SECONDS,
        credentials.username(),
        credentials.password(),
        connection.getAuthProtocol() == null
            ? AuthProtocol.AUTO_DETECT
            : connection.getAuthProtocol(),
        new TrustSettings(profile.getTrustedCertificatesPem(), profile.getRevocationCheck()),
        "connection-test-" + (outgoing ? "outgoing-" : "incoming-") + host + ":" + port,
        1,
        null,
        null,
        null);
  }

  private static EmailServerProfile profileOf(Mailbox mailbox) {
    EmailServerProfile profile = mailbox.getProfile();
    if (profile == null) {
      throw MailServerFailure.of(
          FailureCause.NO_PROFILE,
          "mailbox " + mailbox.getName(),
          null,
          "mailbox " + mailbox.getId() + " has no email server profile");
    }
    return profile;
  }

  private static void requireAllowedTls(
      TlsMode tls, OrganisationSettings organisation, String server) {
    if (!tls.alwaysEncrypted() && !organisation.isAllowNonSslEmail()) {
      throw MailServerFailure.of(
          FailureCause.NON_SSL_NOT_ALLOWED,
          server,
          null,
          "use SSL is off for this server and the organisation does not allow non-SSL email");
    }
  }

  private Credentials credentialsFor(
      CredentialSource source,
      Mailbox mailbox,
      String profileUsername,
      Secret profilePassword,
      String server,
      boolean outgoing) {
    return switch (source) {
      case USER_OR_QUEUE -> mailboxCredentials(mailbox, server);
      case PROFILE ->
          onBehalfOf(mailbox, profileCredentials(profileUsername, profilePassword, server), server);
      case SERVER_IDENTITY -> {
        if (!outgoing) {
          throw MailServerFailure.of(
              FailureCause.UNSUPPORTED_AUTHENTICATION,
              server,
              "the server identity signs in to outgoing (SMTP) servers only",
              "credential source SERVER_IDENTITY on an incoming server");
        }
        yield serverIdentityCredentials(server);
      }
      case OAUTH2 ->
          DelegatedAccess.isDelegated(mailbox.getProfile())
              ? new Credentials(
                  mailbox.getEmail(),
                  delegated.tokenFor(mailbox, clientOf(mailbox.getProfile(), server), server))
              : oauthCredentials(mailbox.getProfile(), mailbox.getEmail(), server);
      case ANONYMOUS ->
          throw MailServerFailure.of(
              FailureCause.CREDENTIALS_MISSING,
              server,
              "the profile connects without credentials (anonymous), which is never valid",
              "credential source ANONYMOUS");
    };
  }

  /**
   * An access token for {@code address} from the profile's OAuth client, given as the password of a
   * XOAUTH2 sign-in whose user is the address (app-only: the token acts for that mailbox).
   */
  private Credentials oauthCredentials(EmailServerProfile profile, String address, String server) {
    OAuthClient client = clientOf(profile, server);
    if (isBlank(address)) {
      throw MailServerFailure.of(
          FailureCause.CREDENTIALS_MISSING,
          server,
          "the mailbox has no email address to get an OAuth 2.0 token for",
          "credential source OAUTH2");
    }
    return new Credentials(address, accessTokens.tokenFor(client, address, server));
  }

  private static OAuthClient clientOf(EmailServerProfile profile, String server) {
    return profile
        .getOAuth()
        .client()
        .orElseThrow(
            () ->
                MailServerFailure.of(
                    FailureCause.CREDENTIALS_MISSING,
                    server,
                    "the profile signs in by OAuth 2.0 but has no OAuth client (token endpoint"
                        + " and client id)",
                    "credential source OAUTH2"));
  }

  private static Credentials mailboxCredentials(Mailbox mailbox, String server) {
    List<Need> missing = mailbox.getCredentials().missing();
    if (!missing.isEmpty()) {
      String reason =
          switch (missing.get(0)) {
            case CREDENTIAL_USE_ALLOWED ->
                "the mailbox "
                    + mailbox.getName()
                    + " does not allow the use of its credentials for email processing";
            case USER_NAME -> "the mailbox " + mailbox.getName() + " has no user name";
            default -> "the mailbox " + mailbox.getName() + " has no password";
          };
      throw MailServerFailure.of(
          FailureCause.CREDENTIALS_MISSING,
          server,
          reason,
          "credential source USER_OR_QUEUE, mailbox " + mailbox.getId());
    }
    return new Credentials(
        mailbox.getCredentials().getUsername(), mailbox.getCredentials().getPassword());
  }

  private static Credentials profileCredentials(String username, Secret password, String server) {
    if (isBlank(username) || password == null) {
      throw MailServerFailure.of(
          FailureCause.CREDENTIALS_MISSING,
          server,
          "the profile has no " + (isBlank(username) ? "user name" : "password"),
          "credential source PROFILE");
    }
    return new Credentials(username, password);
  }

  private static Credentials onBehalfOf(Mailbox mailbox, Credentials account, String server) {
    Impersonation impersonation = mailbox.getProfile().getImpersonation();
    Impersonation effective =
        impersonation == null ? Impersonation.DEFAULT : impersonation.withDefaults();
    return effective
        .signInFor(account.username(), mailbox.getCredentials().getUsername(), mailbox.getEmail())
        .map(
            signIn ->
                new Credentials(
                    signIn.login(),
                    account.password(),
                    signIn.actingFor(),
                    signIn.authorizationId()))
        .orElseThrow(
            () ->
                MailServerFailure.of(
                    FailureCause.CREDENTIALS_MISSING,
                    server,
                    "the mailbox "
                        + mailbox.getName()
                        + " has no "
                        + (effective.getIdentity() == MailboxIdentity.USER_NAME
                            ? "user name"
                            : "email address")
                        + " for the profile's account to act for",
                    "credential source PROFILE, mailbox " + mailbox.getId()));
  }

  private Credentials serverIdentityCredentials(String server) {
    Session session;
    try {
      session = sessionLookup.apply(serverIdentitySession);
    } catch (RuntimeException e) {
      throw MailServerFailure.of(
          FailureCause.CREDENTIALS_MISSING,
          server,
          "the application server has no mail session named " + serverIdentitySession,
          MailServerFailure.detailOf(e));
    }
    Properties props = session.getProperties();
    String user = firstOf(props.getProperty("mail.smtp.user"), props.getProperty("mail.user"));
    PasswordAuthentication given =
        session.requestPasswordAuthentication(null, 0, "smtp", null, user);
    if (given != null && !isBlank(given.getUserName())) {
      user = given.getUserName();
    }
    String password =
        given != null && given.getPassword() != null
            ? given.getPassword()
            : firstOf(props.getProperty("mail.smtp.password"), props.getProperty("mail.password"));
    if (isBlank(user) || password == null) {
      throw MailServerFailure.of(
          FailureCause.CREDENTIALS_MISSING,
          server,
          "the application server's mail session "
              + serverIdentitySession
              + " has no "
              + (isBlank(user) ? "user name" : "password"),
          "credential source SERVER_IDENTITY");
    }
    return new Credentials(user, Secret.of(password));
  }

  private static Endpoint endpoint(
      Mailbox mailbox,
      EmailServerProfile profile,
      MailProtocol protocol,
      String host,
      int port,
      TlsMode tls,
      Credentials credentials,
      AuthProtocol authProtocol,
      boolean outgoing) {
    int timeout = profile.getConnectionTimeoutSeconds();
    int max = profile.getMaxConcurrentConnections();
    return new Endpoint(
        protocol,
        host,
        port,
        tls,
        timeout > 0 ? timeout : ProfileSettings.DEFAULT_TIMEOUT_SECONDS,
        credentials.username(),
        credentials.password(),
        authProtocol == null ? AuthProtocol.AUTO_DETECT : authProtocol,
        new TrustSettings(profile.getTrustedCertificatesPem(), profile.getRevocationCheck()),
        keyFor(mailbox, outgoing),
        max > 0 ? max : ProfileSettings.DEFAULT_MAX_CONNECTIONS,
        mailbox.isProtocolTrace() ? "mailbox " + mailbox.getId() : null,
        credentials.actingFor(),
        credentials.authorizationId());
  }

  /**
   * The budget a mailbox's connections in one direction count against.
   *
   * @param outgoing SMTP when true, IMAP/POP3 otherwise
   */
  static String keyFor(Mailbox mailbox, boolean outgoing) {
    EmailServerProfile profile = mailbox.getProfile();
    CredentialSource source =
        outgoing
            ? profile.getOutgoing().getCredentialSource()
            : profile.getIncoming().getCredentialSource();
    String direction = outgoing ? "outgoing" : "incoming";
    return source.sharedByAllMailboxes()
        ? "profile-" + profile.getId() + "-" + direction
        : "mailbox-" + mailbox.getId() + "-" + direction;
  }

  private static Session lookUp(String jndiName) {
    try {
      return (Session) new InitialContext().lookup(jndiName);
    } catch (NamingException | ClassCastException e) {
      throw new IllegalStateException("no Jakarta Mail session bound at " + jndiName, e);
    }
  }

  private static String firstOf(String first, String second) {
    return !isBlank(first) ? first : second;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
