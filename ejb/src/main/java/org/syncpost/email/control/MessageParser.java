package org.syncpost.email.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final int MAX_HEADER_VALUE = 1000;
  private static final int MAX_CONTENT_TYPE = 255;
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  private static final Set<String> AUTOMATIC_PRECEDENCE =
      Set.of("bulk", "junk", "list", "auto_reply", "auto-reply");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Session SESSION;

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
    Body body = new Body(maxAttachmentBytes);
    try {
      requireSomeHeader(message);
      body.walk(message, 0);
      EmailContent content =
          new EmailContent(
              clamp(subjectOf(message), MAX_SUBJECT),
              clamp(firstOrNull(addresses(message, "From")), MAX_HEADER_VALUE),
              addresses(message, "To"),
              addresses(message, "Cc"),
              addresses(message, "Bcc"),
              body.text(),
              body.html(),
              clamp(firstId(header(message, "Message-ID")), MAX_HEADER_VALUE),
              clamp(firstId(header(message, "In-Reply-To")), MAX_HEADER_VALUE),
              ids(header(message, "References")));
      return new ParsedMessage(
          content, body.attachments, sentOn(message), isAutoSubmitted(message));
    } catch (UnparseableMessage refused) {
      body.attachments.forEach(AttachmentData::discardSpooled);
      throw refused;
    } catch (MessagingException | IOException | RuntimeException | StackOverflowError broken) {
      body.attachments.forEach(AttachmentData::discardSpooled);
      throw new UnparseableMessage("the message is not readable as MIME", broken);
    }
  }

  /**
   * Auto-replies, bulk and list mail, and loops: RFC 3834 {@code Auto-Submitted} other than {@code
   * no}, {@code Precedence: bulk/junk/list/auto_reply}, {@code X-Loop}, Microsoft's {@code
   * X-Auto-Response-Suppress} and {@code X-Autoreply}, and an empty {@code Return-Path} (a bounce,
   * RFC 5321 §4.5.5).
   */
  static boolean isAutoSubmitted(MimeMessage message) throws MessagingException {
    String autoSubmitted = header(message, "Auto-Submitted");
    if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      return true;
    }
    String precedence = header(message, "Precedence");
    if (precedence != null
        && AUTOMATIC_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (header(message, "X-Loop") != null || header(message, "X-Autoreply") != null) {
      return true;
    }
    String suppress = header(message, "X-Auto-Response-Suppress");
    if (suppress != null && !suppress.isBlank()) {
      return true;
    }
    String returnPath = header(message, "Return-Path");
    return returnPath != null && returnPath.replaceAll("\\s", "").equals("<>");
  }

  private static void requireSomeHeader(MimeMessage message) throws MessagingException {
    for (String name : List.of("From", "To", "Subject", "Date", "Message-ID", "Content-Type")) {
      if (message.getHeader(name) != null) {
        return;
      }
    }
    throw new UnparseableMessage(
        "the message has none of the headers an email has (From, To, Subject, Date, Message-ID)");
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException | RuntimeException unreadable) {
      return unfoldedHeader(message, "Subject");
    }
  }

  private static List<String> addresses(MimeMessage message, String name) {
    String value = unfoldedHeader(message, name);
    if (value == null || value.isBlank()) {
      return List.of();
    }
    try {
      InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
      List<String> result = new ArrayList<>();
      for (Address address : parsed) {
        String text =
            address instanceof InternetAddress internet
                ? internet.toUnicodeString()
                : address.toString();
        result.add(clamp(text.replace("\n", " ").replace("\r", ""), MAX_HEADER_VALUE));
      }
      return result;
    } catch (MessagingException | RuntimeException unreadable) {
      // kept as written: an address nobody can parse is still worth showing
      return List.of(clamp(decoded(value), MAX_HEADER_VALUE));
    }
  }

  private static String unfoldedHeader(MimeMessage message, String name) {
    try {
      String value = message.getHeader(name, ", ");
      return value == null ? null : MimeUtility.unfold(value);
    } catch (MessagingException | RuntimeException unreadable) {
      return null;
    }
  }

  private static String decoded(String value) {
    try {
      return MimeUtility.decodeText(value);
    } catch (IOException | RuntimeException undecodable) {
      return value;
    }
  }

  private static String header(MimeMessage message, String name) throws MessagingException {
    String value = message.getHeader(name, " ");
    return value == null ? null : MimeUtility.unfold(value).strip();
  }

  private static String firstId(String value) {
    if (value == null) {
      return null;
    }
    Matcher id = MESSAGE_ID.matcher(value);
    if (id.find()) {
      return id.group();
    }
    // some mailers leave out the angle brackets
    String bare = value.strip();
    return bare.isEmpty() || bare.contains(" ") ? null : "<" + bare + ">";
  }

  private static List<String> ids(String value) {
    if (value == null) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    Matcher id = MESSAGE_ID.matcher(value);
    while (id.find()) {
      if (id.group().length() <= MAX_HEADER_VALUE) {
        found.add(id.group());
      }
    }
    return found;
  }

  private static Instant sentOn(MimeMessage message) {
    try {
      java.util.Date date = message.getSentDate();
      return date == null ? null : date.toInstant();
    } catch (MessagingException | RuntimeException unreadable) {
      return null;
    }
  }

  private static String firstOrNull(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
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

  /**
   * Text in its declared charset when that decodes cleanly, else UTF-8, else windows-1252 (which
   * decodes any byte): mailers often declare us-ascii or nothing and send UTF-8 or Latin-1.
   */
  static String decodeText(byte[] bytes, String declaredCharset) {
    if (declaredCharset != null) {
      try {
        // Java's own name first: MimeUtility maps us-ascii to ISO-8859-1, which decodes any byte
        String name = declaredCharset.strip().replace("\"", "");
        Charset declared =
            Charset.isSupported(name)
                ? Charset.forName(name)
                : Charset.forName(MimeUtility.javaCharset(name));
        String text = strictly(bytes, declared);
        if (text != null) {
          return text;
        }
      } catch (IllegalArgumentException unknownCharset) {
        // falls back below
      }
    }
    String utf8 = strictly(bytes, StandardCharsets.UTF_8);
    return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
  }

  private static String strictly(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException | UnsupportedOperationException notThisCharset) {
      return null;
    }
  }

  /** The parts of one message: bodies gathered, attachments listed in order. */
  private static final class Body {

    private final long maxAttachmentBytes;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private final List<AttachmentData> attachments = new ArrayList<>();

    Body(long maxAttachmentBytes) {
      this.maxAttachmentBytes = maxAttachmentBytes;
    }

    String text() {
      return text.length() == 0 ? null : text.toString();
    }

    String html() {
      return html.length() == 0 ? null : html.toString();
    }

    void walk(Part part, int depth) throws MessagingException, IOException {
      if (depth > MAX_DEPTH) {
        throw new UnparseableMessage(
            "the message nests its parts more than " + MAX_DEPTH + " levels deep");
      }
      ContentType type = contentTypeOf(part);
      String disposition = dispositionOf(part);
      String fileName = fileNameOf(part);
      if (type.match("multipart/*")) {
        Multipart multipart = multipartOf(part);
        if (multipart == null) {
          appendText(part, type);
          return;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
          walk(multipart.getBodyPart(i), depth + 1);
        }
      } else if (!Part.ATTACHMENT.equalsIgnoreCase(disposition)
          && fileName == null
          && (type.match("text/plain") || type.match("text/html"))) {
        appendText(part, type);
      } else {
        attach(part, type, disposition, fileName);
      }
    }

    private static Multipart multipartOf(Part part) {
      try {
        MimeMultipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
        multipart.getCount(); // parses now: a missing start boundary shows here
        return multipart;
      } catch (MessagingException | RuntimeException broken) {
        return null;
      }
    }

    private void appendText(Part part, ContentType type) throws MessagingException {
      String content =
          decodeText(bytesOf(part, Long.MAX_VALUE, false).bytes(), type.getParameter("charset"));
      StringBuilder target = type.match("text/html") ? html : text;
      if (target.length() > 0) {
        target.append(type.match("text/html") ? "\n<hr>\n" : "\n\n");
      }
      target.append(content);
    }

    private void attach(Part part, ContentType type, String disposition, String fileName)
        throws MessagingException {
      if (fileName == null && type.match("message/rfc822")) {
        fileName = "attached-message.eml";
      }
      Read read = bytesOf(part, maxAttachmentBytes, true);
      String contentId = part instanceof MimePart mime ? safeContentId(mime) : null;
      boolean inline =
          Part.INLINE.equalsIgnoreCase(disposition) || (disposition == null && contentId != null);
      attachments.add(
          new AttachmentData(
              clamp(fileName, MAX_HEADER_VALUE),
              clamp(type.getBaseType().toLowerCase(Locale.ROOT), MAX_CONTENT_TYPE),
              clamp(contentId, MAX_HEADER_VALUE),
              inline,
              read.size(),
              read.complete() ? read.bytes() : null,
              read.complete()
                  ? null
                  : "larger than the organisation's maximum attachment size of "
                      + (maxAttachmentBytes / 1024)
                      + " KB",
              read.spooled()));
    }

    private static String safeContentId(MimePart part) {
      try {
        return part.getContentID();
      } catch (MessagingException | RuntimeException unreadable) {
        return null;
      }
    }

    private static ContentType contentTypeOf(Part part) {
      try {
        String value = part.getContentType();
        return new ContentType(value == null ? "text/plain" : value);
      } catch (MessagingException | RuntimeException unreadable) {
        try {
          return new ContentType("application/octet-stream");
        } catch (ParseException impossible) {
          throw new IllegalStateException(impossible);
        }
      }
    }

    private static String dispositionOf(Part part) {
      try {
        return part.getDisposition();
      } catch (MessagingException | RuntimeException unreadable) {
        return null;
      }
    }

    private static String fileNameOf(Part part) {
      try {
        String name = part.getFileName();
        return name == null || name.isBlank() ? null : name.strip();
      } catch (MessagingException | RuntimeException unreadable) {
        return null;
      }
    }
  }

  /**
   * Up to {@code limit} bytes of a part's decoded content, and its full size; with {@code spool},
   * content beyond {@value #SPOOL_ABOVE} bytes goes to a temporary file ({@code spooled}) instead
   * of memory.
   */
  private record Read(byte[] bytes, long size, boolean complete, Path spooled) {}

  private static Read bytesOf(Part part, long limit, boolean spool) throws MessagingException {
    Path file = null;
    OutputStream spooledOut = null;
    try (InputStream in = decodedStream(part)) {
      ByteArrayOutputStream kept = new ByteArrayOutputStream();
      byte[] buffer = new byte[65536];
      long size = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (size + n > limit) {
          // over the limit: counted, not kept
          kept.reset();
          if (spooledOut != null) {
            spooledOut.close();
            spooledOut = null;
            Files.deleteIfExists(file);
            file = null;
          }
        } else if (spooledOut != null) {
          spooledOut.write(buffer, 0, n);
        } else if (spool && size + n > SPOOL_ABOVE) {
          file = Files.createTempFile("syncpost-attachment-", ".part");
          spooledOut = new BufferedOutputStream(Files.newOutputStream(file), 65536);
          kept.writeTo(spooledOut);
          kept = new ByteArrayOutputStream();
          spooledOut.write(buffer, 0, n);
        } else {
          kept.write(buffer, 0, n);
        }
        size += n;
      }
      if (spooledOut != null) {
        spooledOut.close();
        return new Read(null, size, true, file);
      }
      boolean complete = size <= limit;
      return new Read(complete ? kept.toByteArray() : null, size, complete, null);
    } catch (IOException unreadable) {
      closeAndDelete(spooledOut, file);
      return new Read(new byte[0], 0, true, null);
    }
  }

  private static void closeAndDelete(OutputStream out, Path file) {
    try {
      if (out != null) {
        out.close();
      }
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException ignored) {
      // a temporary file; the operating system cleans its temporary directory too
    }
  }

  private static InputStream decodedStream(Part part) throws MessagingException, IOException {
    try {
      return part.getInputStream();
    } catch (MessagingException | IOException | RuntimeException undecodable) {
      // an unknown transfer encoding: the bytes as they are beat nothing
      if (part instanceof jakarta.mail.internet.MimeBodyPart body) {
        return body.getRawInputStream();
      }
      if (part instanceof MimeMessage message) {
        return message.getRawInputStream();
      }
      throw undecodable;
    }
  }
}
