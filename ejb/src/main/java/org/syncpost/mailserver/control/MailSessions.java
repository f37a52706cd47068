package org.syncpost.mailserver.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailProtocol;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.TlsMode;

/**
 * The one place that builds Jakarta Mail sessions, and connects stores and transports with them.
 *
 * <p>Every session has finite timeouts (Angus' defaults are infinite), TLS through {@link
 * TrustPolicy}'s socket factory with host-name checking, no fallback to a plain socket factory
 * (Angus' {@code socketFactory.fallback} would silently retry without our factory after a failed
 * handshake), and {@code mail.debug} only for a mailbox whose protocol trace an administrator
 * turned on, into {@link ProtocolTrace} (a log, credentials redacted), never to standard output.
 * Passwords are given to {@code connect}, never put in the session's properties. The "s" providers
 * (imaps, pop3s, smtps) are not used: implicit TLS is {@code mail.<protocol>.ssl.enable} on the
 * plain provider, so every setting has one prefix.
 *
 * <p>Stores share their sessions where nothing in a session is one mailbox's own ({@link
 * #storeSessionFor}): making a {@link Session} reads Jakarta Mail's provider files from every jar
 * of the application, and an incoming poll that signs in anew needed one each time.
 */
@ApplicationScoped
public class MailSessions {

  private static final System.Logger LOGGER = System.getLogger(MailSessions.class.getName());

  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    useAngusStreams();
  }

  /**
   * Names Angus' stream provider once for the JVM: unnamed, Jakarta Mail 2.1 looks it up through
   * the ServiceLoader (a scan of every jar) on each MIME parse (jakartaee/mail-api issue 861),
   * which halved fetch throughput here. An operator's own setting is kept.
   */
  public static void useAngusStreams() {
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private TrustPolicy trustPolicy;
  private FailureTranslator translator;

  /** Sessions of {@link #connectStore}, by their properties; see {@link #storeSessionFor}. */
  private final ConcurrentMap<Properties, Session> storeSessions = new ConcurrentHashMap<>();

  @Inject
  public MailSessions(TrustPolicy trustPolicy, FailureTranslator translator) {
    this.trustPolicy = trustPolicy;
    this.translator = translator;
  }

  /** For the CDI container's proxy. */
  protected MailSessions() {}

  /**
   * A new session for {@code endpoint}; nothing is connected yet.
   *
   * @throws MailServerFailure {@code TRUSTED_CERTIFICATES_INVALID} when the profile's PEM cannot be
   *     read
   */
  public Session sessionFor(Endpoint endpoint) {
    Session session = Session.getInstance(propertiesFor(endpoint, sslSocketFactoryFor(endpoint)));
    if (endpoint.traceLabel() != null) {
      session.setDebugOut(ProtocolTrace.to(endpoint.traceLabel(), password(endpoint)));
      session.setDebug(true);
    }
    return session;
  }

  private SSLSocketFactory sslSocketFactoryFor(Endpoint endpoint) {
    try {
      return trustPolicy.socketFactoryFor(endpoint.trust());
    } catch (IllegalArgumentException unreadable) {
      throw MailServerFailure.of(
          FailureCause.TRUSTED_CERTIFICATES_INVALID, endpoint, unreadable.getMessage(), unreadable);
    }
  }

  /**
   * An IMAP or POP3 store, connected and signed in. The caller closes it.
   *
   * @throws MailServerFailure with the translated cause
   */
  public Store connectStore(Endpoint endpoint) {
    if (endpoint.protocol() == MailProtocol.SMTP) {
      throw new IllegalArgumentException("an SMTP server has no mail store: " + endpoint);
    }
    Session session = storeSessionFor(endpoint);
    Store store = null;
    try {
      store =
          endpoint.authorizationId() != null && endpoint.protocol() == MailProtocol.IMAP
              ? new ImpersonatingImapStore(
                  session,
                  new URLName(
                      "imap", endpoint.host(), endpoint.port(), null, endpoint.username(), null))
              : session.getStore(protocolName(endpoint.protocol()));
      store.connect(endpoint.host(), endpoint.port(), endpoint.username(), password(endpoint));
      return store;
    } catch (MessagingException | RuntimeException e) {
      closeAfterFailure(store, endpoint);
      throw translator.translate(e, endpoint);
    }
  }

  /**
   * An SMTP transport of a session from {@link #sessionFor}, connected and signed in. The caller
   * closes it.
   *
   * @throws MailServerFailure with the translated cause; {@code UNSUPPORTED_AUTHENTICATION} when
   *     the server offers no authentication at all, since Angus would then carry on unauthenticated
   *     and a test would pass without the credentials ever being checked
   */
  public Transport connectTransport(Session session, Endpoint endpoint) {
    if (endpoint.protocol() != MailProtocol.SMTP) {
      throw new IllegalArgumentException("only an SMTP server sends mail: " + endpoint);
    }
    Transport transport = null;
    try {
      transport = session.getTransport(protocolName(endpoint.protocol()));
      transport.connect(endpoint.host(), endpoint.port(), endpoint.username(), password(endpoint));
      if (endpoint.username() != null
          && transport instanceof SMTPTransport smtp
          && !smtp.supportsExtension("AUTH")
          && !smtp.supportsExtension("AUTH=LOGIN")) {
        throw MailServerFailure.of(
            FailureCause.UNSUPPORTED_AUTHENTICATION,
            endpoint,
            "the server does not offer SMTP authentication (AUTH), so the credentials cannot be"
                + " used",
            (Throwable) null);
      }
      return transport;
    } catch (MessagingException | RuntimeException e) {
      closeAfterFailure(transport, endpoint);
      throw translator.translate(e, endpoint);
    }
  }

  /**
   * A session for a store of {@code endpoint}, shared with the other stores whose sessions have the
   * same properties. Making a session reads Jakarta Mail's provider files from every jar of the
   * application ({@code Session.loadProviders}): in ScaleBenchmark's flight recording (2026-12-08,
   * 1,000 mailboxes, 0.7 new connections per poll) that was 11 % of SyncPost's CPU.
   *
   * <p>Safe to share: a store reads its session's properties and never changes them, the password
   * is given to {@code connect} and not kept in the session (there is no authenticator), and the
   * user name, also given to {@code connect}, is left out of the properties. A session that names
   * something of one mailbox — the account to act for, a protocol trace into the mailbox's log — is
   * made for the connection alone, so that the shared ones stay as few as the profiles' settings.
   * Transports keep a session each ({@link #sessionFor}): a sender sets properties on its own.
   */
  Session storeSessionFor(Endpoint endpoint) {
    if (endpoint.authorizationId() != null || endpoint.traceLabel() != null) {
      return sessionFor(endpoint);
    }
    SSLSocketFactory sslSocketFactory = sslSocketFactoryFor(endpoint);
    Properties props = propertiesFor(endpoint, sslSocketFactory);
    props.remove("mail." + protocolName(endpoint.protocol()) + ".user");
    return storeSessions.computeIfAbsent(props, Session::getInstance);
  }

  /** {@link #connectTransport(Session, Endpoint)} with a new session. */
  public Transport connectTransport(Endpoint endpoint) {
    return connectTransport(sessionFor(endpoint), endpoint);
  }

  /** The session properties for {@code endpoint}; package-private for the tests. */
  static Properties propertiesFor(Endpoint endpoint, SSLSocketFactory sslSocketFactory) {
    String prefix = "mail." + protocolName(endpoint.protocol()) + ".";
    Properties props = new Properties();
    props.setProperty("mail.debug", "false");
    // a traced session (ProtocolTrace) still leaves the authentication dialogue out
    props.setProperty("mail.debug.auth", "false");
    props.setProperty("mail.debug.auth.username", "false");
    props.setProperty("mail.debug.auth.password", "false");
    String timeout = Integer.toString(endpoint.timeoutMillis());
    props.setProperty(prefix + "connectiontimeout", timeout);
    props.setProperty(prefix + "timeout", timeout);
    props.setProperty(prefix + "writetimeout", timeout);

    TlsMode tls = endpoint.tlsMode();
    props.setProperty(prefix + "ssl.enable", Boolean.toString(tls == TlsMode.IMPLICIT));
    props.setProperty(prefix + "starttls.enable", Boolean.toString(tls != TlsMode.IMPLICIT));
    props.setProperty(
        prefix + "starttls.required", Boolean.toString(tls == TlsMode.STARTTLS_REQUIRED));
    // an object, not a string: Angus takes the instance for implicit TLS and for STARTTLS
    props.put(prefix + "ssl.socketFactory", sslSocketFactory);
    props.setProperty(prefix + "socketFactory.fallback", "false");
    props.setProperty(prefix + "ssl.checkserveridentity", "true");

    if (endpoint.username() != null) {
      props.setProperty(prefix + "user", endpoint.username());
    }
    if (endpoint.protocol() == MailProtocol.SMTP) {
      props.setProperty(prefix + "auth", Boolean.toString(endpoint.username() != null));
    }
    if (endpoint.protocol() == MailProtocol.IMAP) {
      // a message read as a stream (a large one) comes in 1 MB pieces, not Angus' 16 KB
      props.setProperty(prefix + "fetchsize", Integer.toString(1024 * 1024));
    }
    if (endpoint.authorizationId() != null) {
      // RFC 4616: PLAIN alone carries an authorization identity; any other mechanism (or POP3's
      // USER/PASS, Angus' "LOGIN") would open the account's own mailbox, so none other is allowed
      props.setProperty(prefix + "sasl.authorizationid", endpoint.authorizationId());
      props.setProperty(prefix + "auth.mechanisms", "PLAIN");
      props.setProperty(prefix + "sasl.enable", "false");
    } else {
      mechanismsFor(endpoint.authProtocol())
          .ifPresent(mechanisms -> props.setProperty(prefix + "auth.mechanisms", mechanisms));
    }
    if (endpoint.authProtocol() == AuthProtocol.OAUTHBEARER) {
      signInByOAuthBearer(endpoint, prefix, props);
    }
    return props;
  }

  /**
   * SASL mechanisms per authentication protocol. Auto detect leaves Angus' own list (it takes the
   * first the server offers); NTLM is Angus' built-in implementation (IMAP, POP3, SMTP); XOAUTH2
   * expects an access token as the password.
   */
  static Optional<String> mechanismsFor(AuthProtocol protocol) {
    return switch (protocol) {
      case AUTO_DETECT -> Optional.empty();
      case BASIC -> Optional.of("PLAIN LOGIN");
      case NTLM -> Optional.of("NTLM");
      case OAUTH2 -> Optional.of("XOAUTH2");
      // no built-in mechanism of Angus has this name: nothing but the SASL client below signs in
      case OAUTHBEARER -> Optional.of(OAuthBearerSaslClient.MECHANISM);
    };
  }

  /**
   * RFC 7628 through Angus' SASL path (IMAP, SMTP) and our own client (ADR 0024). Angus' IMAP falls
   * back to its built-in mechanisms only when SASL is unsupported, its SMTP never: a refused token
   * is not offered again by another mechanism.
   */
  private static void signInByOAuthBearer(Endpoint endpoint, String prefix, Properties props) {
    if (endpoint.protocol() == MailProtocol.POP3) {
      throw MailServerFailure.of(
          FailureCause.UNSUPPORTED_AUTHENTICATION,
          endpoint,
          "SyncPost signs in to POP3 servers by XOAUTH2 only (the mail library has no OAUTHBEARER"
              + " for POP3): choose the authentication protocol OAuth 2.0 (XOAUTH2)",
          (Throwable) null);
    }
    OAuthBearerSaslClientFactory.register();
    props.setProperty(prefix + "sasl.enable", "true");
    props.setProperty(prefix + "sasl.mechanisms", OAuthBearerSaslClient.MECHANISM);
  }

  static String protocolName(MailProtocol protocol) {
    return switch (protocol) {
      case IMAP -> "imap";
      case POP3 -> "pop3";
      case SMTP -> "smtp";
    };
  }

  private static String password(Endpoint endpoint) {
    return endpoint.password() == null ? null : endpoint.password().reveal();
  }

  /** Closing after a failure may fail too; the first failure is the one that matters. */
  private static void closeAfterFailure(Service service, Endpoint endpoint) {
    if (service == null || !service.isConnected()) {
      return;
    }
    try {
      service.close();
    } catch (MessagingException | RuntimeException e) {
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "Closing {0} after a failure failed too: {1}",
          endpoint.describe(),
          e.getClass().getName());
    }
  }
}
