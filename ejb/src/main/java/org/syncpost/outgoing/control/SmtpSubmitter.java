package org.syncpost.outgoing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.syncpost.mailserver.control.FailureTranslator;
import org.syncpost.mailserver.control.MailSessions;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.outgoing.entity.DeliveryOutcome;
import org.syncpost.outgoing.entity.OutgoingMessage;

/**
 * Sends several messages of one mailbox over one SMTP connection and tells, message by message, how
 * each fared — by the server's reply class (RFC 5321 §4.2.1): 2xx sent, 4xx try again later, 5xx
 * not at all. A message accepted for some recipients and refused for others is sent, and says which
 * were refused ({@code mail.smtp.sendpartial}).
 */
@ApplicationScoped
public class SmtpSubmitter {

  private static final System.Logger LOGGER = System.getLogger(SmtpSubmitter.class.getName());

  @Inject MailSessions sessions;
  @Inject FailureTranslator translator;
  @Inject MessageComposer composer;
  @Inject Clock clock;

  /**
   * Connects, sends {@code messages} in order and hands each outcome to {@code outcomes} as soon as
   * it is known; every message gets exactly one outcome.
   *
   * @param sentCopies when not {@code null}, also given the exact bytes of each message sent
   * @throws MailServerFailure when the connection or sign-in failed: then no message has an outcome
   */
  public void submit(
      Endpoint endpoint,
      List<OutgoingMessage> messages,
      BiConsumer<OutgoingMessage, DeliveryOutcome> outcomes,
      BiConsumer<OutgoingMessage, byte[]> sentCopies) {
    try (Connection connection = connect(endpoint)) {
      connection.submit(messages, outcomes, sentCopies);
    }
  }

  /**
   * A connection, signed in, for several batches of one mailbox in a row (a new TLS handshake and
   * sign-in per batch cost more than the batch's messages on a local server).
   *
   * @throws MailServerFailure when the connection or sign-in failed
   */
  public Connection connect(Endpoint endpoint) {
    Session session = sessions.sessionFor(endpoint);
    session.getProperties().setProperty("mail.smtp.sendpartial", "true");
    return new Connection(endpoint, session, sessions.connectTransport(session, endpoint));
  }

  /** One signed-in SMTP connection; closed by the caller. */
  public final class Connection implements AutoCloseable {

    private final Endpoint endpoint;
    private final Session session;
    private final Transport transport;

    private Connection(Endpoint endpoint, Session session, Transport transport) {
      this.endpoint = endpoint;
      this.session = session;
      this.transport = transport;
    }

    /** Whether the server still answers (a NOOP): servers close idle or long connections. */
    public boolean isOpen() {
      return transport.isConnected();
    }

    /**
     * Sends {@code messages} in order and hands each outcome to {@code outcomes} as soon as it is
     * known; every message gets exactly one outcome.
     *
     * @param sentCopies when not {@code null}, also given the exact bytes of each message sent
     */
    public void submit(
        List<OutgoingMessage> messages,
        BiConsumer<OutgoingMessage, DeliveryOutcome> outcomes,
        BiConsumer<OutgoingMessage, byte[]> sentCopies) {
      int index = 0;
      try {
        for (; index < messages.size(); index++) {
          OutgoingMessage message = messages.get(index);
          DeliveryOutcome outcome = send(transport, session, endpoint, message, sentCopies);
          outcomes.accept(message, outcome);
          if (outcome.kind() != DeliveryOutcome.Kind.SENT && !transport.isConnected()) {
            index++;
            break;
          }
        }
      } finally {
        for (; index < messages.size(); index++) {
          outcomes.accept(
              messages.get(index),
              DeliveryOutcome.notTried(
                  "The connection to the " + endpoint.describe() + " was lost before this email."));
        }
      }
    }

    @Override
    public void close() {
      SmtpSubmitter.close(transport, endpoint);
    }
  }

  private DeliveryOutcome send(
      Transport transport,
      Session session,
      Endpoint endpoint,
      OutgoingMessage email,
      BiConsumer<OutgoingMessage, byte[]> sentCopies) {
    MimeMessage message;
    try {
      message = composer.compose(session, email, clock.instant());
    } catch (MessagingException | RuntimeException unbuildable) {
      return DeliveryOutcome.permanentFailure(
          "SyncPost could not build the message: " + unbuildable.getMessage());
    }
    try {
      transport.sendMessage(message, message.getAllRecipients());
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "Email record {0} ({1}) sent through {2}",
          email.recordId(),
          email.messageId(),
          endpoint.describe());
    } catch (SendFailedException failed) {
      return outcomeOf(failed, endpoint, email);
    } catch (MessagingException | RuntimeException failed) {
      return outcomeOf(failed, endpoint, email);
    }
    if (sentCopies != null) {
      sentCopies.accept(email, bytesOf(message));
    }
    return DeliveryOutcome.sent(null);
  }

  /**
   * What was sent: a saved message writes the same bytes every time (its boundaries and headers are
   * fixed by {@code saveChanges}, its content encoded the same way).
   *
   * @return the bytes, or {@code null} when they could not be written again (the copy then fails)
   */
  private static byte[] bytesOf(MimeMessage message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      message.writeTo(bytes);
      return bytes.toByteArray();
    } catch (IOException | MessagingException | RuntimeException e) {
      return null;
    }
  }

  private DeliveryOutcome outcomeOf(Exception failed, Endpoint endpoint, OutgoingMessage email) {
    String reply = serverReplies(failed);
    int code = replyCode(failed);
    LOGGER.log(
        System.Logger.Level.INFO,
        "Email record {0} attempt {1} through {2}: {3}",
        email.recordId(),
        email.attempt(),
        endpoint.describe(),
        reply.isEmpty() ? failed.getClass().getName() : reply);
    if (failed instanceof SendFailedException partial
        && partial.getValidSentAddresses() != null
        && partial.getValidSentAddresses().length > 0) {
      return DeliveryOutcome.sent(
          "Accepted for "
              + joined(partial.getValidSentAddresses())
              + "; the "
              + endpoint.describe()
              + " refused "
              + joined(partial.getInvalidAddresses())
              + (partial.getValidUnsentAddresses() == null
                      || partial.getValidUnsentAddresses().length == 0
                  ? ""
                  : " and did not take " + joined(partial.getValidUnsentAddresses()))
              + (reply.isEmpty() ? "." : ": " + reply));
    }
    if (code >= 400 && code < 500) {
      return DeliveryOutcome.transientFailure(
          "The " + endpoint.describe() + " asked to try again later: " + reply);
    }
    if (code >= 500) {
      return DeliveryOutcome.permanentFailure(
          "The " + endpoint.describe() + " refused the email: " + reply);
    }
    if (failed instanceof SendFailedException invalid
        && invalid.getInvalidAddresses() != null
        && invalid.getInvalidAddresses().length > 0) {
      return DeliveryOutcome.permanentFailure(
          "The "
              + endpoint.describe()
              + " refused every recipient ("
              + joined(invalid.getInvalidAddresses())
              + ")"
              + (reply.isEmpty() ? "." : ": " + reply));
    }
    MailServerFailure translated = translator.translate(failed, endpoint);
    if (translated.failureCause() == FailureCause.UNKNOWN || translated.isTransient()) {
      // without a reply code nothing says the server refused it: the connection failed
      return DeliveryOutcome.transientFailure(
          translated.getMessage() + " (" + translated.technicalDetail() + ")");
    }
    return DeliveryOutcome.permanentFailure(
        translated.getMessage() + " (" + translated.technicalDetail() + ")");
  }

  /** The SMTP reply code of the failure; for refused recipients, the highest class among them. */
  static int replyCode(Throwable failed) {
    int code = 0;
    for (Throwable t : chain(failed)) {
      int found = 0;
      if (t instanceof SMTPSendFailedException e) {
        found = e.getReturnCode();
      } else if (t instanceof SMTPAddressFailedException e) {
        found = e.getReturnCode();
      } else if (t instanceof SMTPSenderFailedException e) {
        found = e.getReturnCode();
      }
      code = Math.max(code, found);
    }
    return code;
  }

  /** What the server said, reply by reply, as Angus keeps it in its exceptions' messages. */
  static String serverReplies(Throwable failed) {
    Set<String> replies = new LinkedHashSet<>();
    for (Throwable t : chain(failed)) {
      if ((t instanceof SMTPSendFailedException
              || t instanceof SMTPAddressFailedException
              || t instanceof SMTPSenderFailedException)
          && t.getMessage() != null) {
        replies.add(t.getMessage().strip());
      }
    }
    return String.join("; ", replies);
  }

  private static List<Throwable> chain(Throwable thrown) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static String joined(Address[] addresses) {
    return addresses == null || addresses.length == 0
        ? "no address"
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  private static void close(Transport transport, Endpoint endpoint) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "Closing the connection to {0} failed: {1}",
          endpoint.describe(),
          e.getClass().getName());
    }
  }
}
