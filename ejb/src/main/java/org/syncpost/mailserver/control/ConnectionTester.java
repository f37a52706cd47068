package org.syncpost.mailserver.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.syncpost.mailserver.control.ConnectionLimiter.Permit;
import org.syncpost.mailserver.entity.ConfirmationMessage;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.TestOutcome;

/**
 * The "test" of test &amp; enable: connect, set up TLS, sign in, and for incoming open each folder
 * read-only; for outgoing optionally send the confirmation message. Connections count against the
 * endpoint's budget in {@link ConnectionLimiter} (waiting at most the connection timeout for a
 * slot) and are always closed. No database access: the caller records the outcome.
 */
@ApplicationScoped
public class ConnectionTester {

  private static final System.Logger LOGGER = System.getLogger(ConnectionTester.class.getName());

  private MailSessions sessions;
  private ConnectionLimiter limiter;
  private FailureTranslator translator;
  private Clock clock;

  @Inject
  public ConnectionTester(
      MailSessions sessions, ConnectionLimiter limiter, FailureTranslator translator, Clock clock) {
    this.sessions = sessions;
    this.limiter = limiter;
    this.translator = translator;
    this.clock = clock;
  }

  /** For the CDI container's proxy. */
  protected ConnectionTester() {}

  /** Connects to the IMAP or POP3 server, signs in and opens each folder read-only. */
  public TestOutcome testIncoming(Endpoint endpoint, List<String> folders) {
    try {
      Permit permit = limiter.acquire(endpoint, waitFor(endpoint));
      try {
        Store store = sessions.connectStore(endpoint);
        try {
          for (String name : folders) {
            openAndClose(store, name, endpoint);
          }
        } finally {
          close(store, endpoint);
        }
      } finally {
        permit.close();
      }
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "Incoming test passed for {0}, folders {1}",
          endpoint.describe(),
          folders);
      return TestOutcome.passed(
          endpoint.describe(),
          "Connected to the "
              + endpoint.describe()
              + " ("
              + tlsWords(endpoint)
              + "), signed in"
              + (folders.isEmpty() ? "" : " and opened " + String.join(", ", folders))
              + ".");
    } catch (MailServerFailure failure) {
      return TestOutcome.failed(failure);
    }
  }

  /**
   * Connects to the SMTP server and signs in; with a confirmation, sends it from the mailbox's
   * address to itself.
   */
  public TestOutcome testOutgoing(Endpoint endpoint, Optional<ConfirmationMessage> confirmation) {
    try {
      Permit permit = limiter.acquire(endpoint, waitFor(endpoint));
      try {
        Session session = sessions.sessionFor(endpoint);
        Transport transport = sessions.connectTransport(session, endpoint);
        try {
          if (confirmation.isPresent()) {
            send(transport, session, confirmation.get(), endpoint);
          }
        } finally {
          close(transport, endpoint);
        }
      } finally {
        permit.close();
      }
      return TestOutcome.passed(
          endpoint.describe(),
          "Connected to the "
              + endpoint.describe()
              + " ("
              + tlsWords(endpoint)
              + "), signed in"
              + confirmation
                  .map(c -> " and sent a confirmation message to " + c.address())
                  .orElse("")
              + ".");
    } catch (MailServerFailure failure) {
      return TestOutcome.failed(failure);
    }
  }

  private void openAndClose(Store store, String name, Endpoint endpoint) {
    Folder folder = null;
    try {
      folder = store.getFolder(name);
      folder.open(Folder.READ_ONLY);
    } catch (MessagingException | RuntimeException e) {
      throw translator.translate(e, endpoint);
    } finally {
      if (folder != null && folder.isOpen()) {
        try {
          folder.close(false);
        } catch (MessagingException e) {
          LOGGER.log(
              System.Logger.Level.DEBUG,
              "Closing folder {0} on {1} failed: {2}",
              name,
              endpoint.describe(),
              e.getClass().getName());
        }
      }
    }
  }

  private void send(
      Transport transport, Session session, ConfirmationMessage confirmation, Endpoint endpoint) {
    try {
      InternetAddress self = new InternetAddress(confirmation.address(), true);
      MimeMessage message = new MimeMessage(session);
      message.setFrom(self);
      message.setRecipient(Message.RecipientType.TO, self);
      message.setSubject(confirmation.subject(), StandardCharsets.UTF_8.name());
      message.setText(confirmation.text(), StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(clock.instant()));
      // RFC 3834 §5: generated automatically, so auto-responders do not answer it
      message.setHeader("Auto-Submitted", "auto-generated");
      message.setHeader("X-Auto-Response-Suppress", "All");
      message.saveChanges();
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException | RuntimeException e) {
      throw translator.translate(e, endpoint);
    }
  }

  /** A test waits for a connection slot no longer than for the server itself. */
  private static Duration waitFor(Endpoint endpoint) {
    return Duration.ofSeconds(endpoint.connectionTimeoutSeconds());
  }

  private static String tlsWords(Endpoint endpoint) {
    return switch (endpoint.tlsMode()) {
      case IMPLICIT -> "TLS";
      case STARTTLS_REQUIRED -> "STARTTLS";
      case STARTTLS_IF_OFFERED -> "TLS only if the server offers STARTTLS";
    };
  }

  private static void close(Service service, Endpoint endpoint) {
    try {
      service.close();
    } catch (MessagingException e) {
      // the test has its answer; a failing QUIT/LOGOUT does not change it
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "Closing the connection to {0} failed: {1}",
          endpoint.describe(),
          e.getClass().getName());
    }
  }
}
