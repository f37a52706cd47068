package org.syncpost.email.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.EmailContent;
import org.syncpost.email.entity.ParsedMessage;
import org.syncpost.email.entity.UnparseableMessage;
import org.syncpost.mailserver.control.MailSessions;

/**
 * Turns a received message (RFC 5322 / MIME bytes) into what an email record holds: decoded subject
 * (RFC 2047), addresses, text and HTML bodies, attachments, the threading headers, and whether it
 * was submitted automatically.
 *
 * <p>Lenient by design, because real mail is often broken: a missing end boundary, a wrong or
 * unknown declared charset (tried as declared, then UTF-8, then windows-1252), raw 8-bit headers
 * (read as UTF-8, RFC 6532) and unreadable addresses (kept as written) still make a record. Only a
 * message that is empty, has none of an email's headers, or nests deeper than {@value #MAX_DEPTH}
 * levels is refused, with {@link UnparseableMessage} and the reason.
 */
@ApplicationScoped
public class MessageParser {

  /** Deeper nesting is not mail a person wrote; it only exists to exhaust parsers. */
  static final int MAX_DEPTH = 100;

  /** Attachments larger than this are decoded into a temporary file, not into memory. */
  static final int SPOOL_ABOVE = 1024 * 1024;

  private static final int MAX_SUBJECT = 4000;
  static final int MAX_HEADER_VALUE = 1000;
  static final int MAX_CONTENT_TYPE = 255;
  private static final Session SESSION;

  /** Without the container ({@code new MessageParser()}): the Java runtime's authorities. */
  private static final MessageProtection RUNTIME_TRUST = MessageProtection.withRuntimeTrust();

  /** The organisation's authorities for S/MIME signers; {@code null} outside the container. */
  @Inject SmimeTrust smimeTrust;

  static {
    MailSessions.useAngusStreams();
    SESSION = Session.getInstance(lenientProperties());
  }

  private static Properties lenientProperties() {
    Properties props = new Properties();
    props.setProperty("mail.mime.allowutf8", "true");
    props.setProperty("mail.mime.address.strict", "false");
    props.setProperty("mail.mime.decodetext.strict", "false");
    props.setProperty("mail.mime.parameters.strict", "false");
    props.setProperty("mail.mime.decodefilename", "true");
    props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
    props.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
    props.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "true");
    props.setProperty("mail.mime.base64.ignoreerrors", "true");
    props.setProperty("mail.mime.uudecode.ignoreerrors", "true");
    props.setProperty("mail.mime.ignoreunknownencoding", "true");
    return props;
  }

  /**
   * Parses {@code raw}.
   *
   * @param maxAttachmentBytes attachments larger than this are kept out (size and reason noted)
   * @throws UnparseableMessage with the reason, for nothing else
   */
  public ParsedMessage parse(byte[] raw, long maxAttachmentBytes) {
    if (raw == null || raw.length == 0 || isBlank(raw)) {
      throw new UnparseableMessage("the message is empty");
    }
    try {
      // a shared stream: the parts of a multipart are views of the bytes, not copies of them
      return parse(
          new MimeMessage(SESSION, new SharedByteArrayInputStream(raw)), maxAttachmentBytes);
    } catch (MessagingException | RuntimeException broken) {
      throw unreadable(broken);
    }
  }

  /**
   * Parses the message in {@code file} without reading it into memory: parts are read from the
   * file, and attachments over {@value #SPOOL_ABOVE} bytes are decoded into temporary files of
   * their own ({@link AttachmentData#spooled()}), which the caller deletes once it stored them.
   *
   * @throws UnparseableMessage with the reason, for nothing else
   */
  public ParsedMessage parse(Path file, long maxAttachmentBytes) {
    try (SharedFileInputStream in = new SharedFileInputStream(file.toFile())) {
      if (in.available() == 0) {
        throw new UnparseableMessage("the message is empty");
      }
      return parse(new MimeMessage(SESSION, in), maxAttachmentBytes);
    } catch (IOException | MessagingException | RuntimeException broken) {
      throw unreadable(broken);
    }
  }

  private static UnparseableMessage unreadable(Throwable broken) {
    return broken instanceof UnparseableMessage refused
        ? refused
        : new UnparseableMessage("the message is not readable as MIME", broken);
  }

  private ParsedMessage parse(MimeMessage message, long maxAttachmentBytes) {
    PartWalker body = new PartWalker(maxAttachmentBytes);
    try {
      HeaderReader.requireSomeHeader(message);
      body.walk(message, 0);
      EmailContent content =
          new EmailContent(
              clamp(HeaderReader.subjectOf(message), MAX_SUBJECT),
              clamp(
                  HeaderReader.firstOrNull(HeaderReader.addresses(message, "From")),
                  MAX_HEADER_VALUE),
              HeaderReader.addresses(message, "To"),
              HeaderReader.addresses(message, "Cc"),
              HeaderReader.addresses(message, "Bcc"),
              body.text(),
              body.html(),
              clamp(
                  HeaderReader.firstId(HeaderReader.header(message, "Message-ID")),
                  MAX_HEADER_VALUE),
              clamp(
                  HeaderReader.firstId(HeaderReader.header(message, "In-Reply-To")),
                  MAX_HEADER_VALUE),
              HeaderReader.ids(HeaderReader.header(message, "References")));
      return new ParsedMessage(
          content,
          body.attachments,
          HeaderReader.sentOn(message),
          HeaderReader.isAutoSubmitted(message),
          DeliveryReports.of(message).orElse(null),
          (smimeTrust == null ? RUNTIME_TRUST : smimeTrust.protection()).of(message));
    } catch (UnparseableMessage refused) {
      body.attachments.forEach(AttachmentData::discardSpooled);
      throw refused;
    } catch (MessagingException | IOException | RuntimeException | StackOverflowError broken) {
      body.attachments.forEach(AttachmentData::discardSpooled);
      throw new UnparseableMessage("the message is not readable as MIME", broken);
    }
  }

  static String clamp(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    return value.substring(0, max - 1) + "…";
  }

  private static boolean isBlank(byte[] raw) {
    for (byte b : raw) {
      if (!Character.isWhitespace(b & 0xff)) {
        return false;
      }
    }
    return true;
  }
}
