package org.syncpost.outgoing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Auditor;
import org.syncpost.directory.control.Caller;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.EmailContent;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.TrackingToken;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.outgoing.control.OutgoingLedger;
import org.syncpost.outgoing.entity.EmailQueued;
import org.syncpost.outgoing.entity.OutgoingEmail;
import org.syncpost.settings.entity.EmailSettings;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.Violation;

/**
 * Emails to be sent: created (pending, or as a draft), sent, sent now, canceled. An administrator
 * may send from any mailbox; a mailbox owner only from their own. Approvers decide about addresses
 * and do not send.
 */
@Stateless
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.MAILBOX_OWNER_NAME})
public class Outbox {

  static final String AUDIT_TYPE = "email";

  /** Room left in the subject column for the tracking token. */
  static final int MAX_SUBJECT = 3_900;

  /** The most recipients (to, cc and bcc together) one email may have. */
  static final String MAX_RECIPIENTS = "syncpost.outgoing.max-recipients";

  /** The most attachments one email may have. */
  static final String MAX_ATTACHMENTS = "syncpost.outgoing.max-attachments";

  /** The range of send times the database holds; before 1970 is a mistake. */
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /** The most emails one batch may hold. */
  public static final int MAX_BATCH = 1_000;

  static final int MAX_FILE_NAME = 1_000;
  static final int MAX_CONTENT_TYPE = 255;

  /**
   * A media type with optional parameters (RFC 2045 section 5.1): tokens only, so no CR/LF can
   * reach the attachment's MIME headers.
   */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile(
          "[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+"
              + "([ \\t]*;[ \\t]*[A-Za-z0-9!#$&^_.+-]+=(\"[^\"\\p{Cntrl}]*\"|[A-Za-z0-9!#$&^_.+-]+))*");

  @Inject
  @ConfigProperty(name = MAX_RECIPIENTS, defaultValue = "500")
  int maxRecipients;

  @Inject
  @ConfigProperty(name = MAX_ATTACHMENTS, defaultValue = "100")
  int maxAttachments;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Auditor auditor;
  @Inject Event<EmailQueued> queued;
  @Inject OutgoingLedger ledger;

  private final SecureRandom random = new SecureRandom();

  public EmailRecord create(OutgoingEmail request) {
    EmailSettings settings = emailSettings();
    List<Violation> violations = new ArrayList<>();
    Mailbox sender = senderOf(request.senderMailboxId(), "", violations);
    if (sender == null) {
      throw new InvalidInput(violations);
    }
    violations.addAll(violationsOf(request, settings, ""));
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    EmailRecord record = queue(request, sender, settings);
    em.flush();
    audit(request, record);
    if (!request.draft()) {
      queued.fire(new EmailQueued(sender.getId()));
    }
    return record;
  }

  /**
   * Creates every email of a batch in this one transaction, or none: each is checked as {@link
   * #create} checks one, and any violation (named {@code emails[i].field}) refuses the whole batch.
   * One flush for all, one wake-up per sending mailbox.
   */
  public List<EmailRecord> createAll(List<OutgoingEmail> requests) {
    if (requests.isEmpty() || requests.size() > MAX_BATCH) {
      throw InvalidInput.of(
          "emails", "must hold 1 to " + MAX_BATCH + " emails; send more in several batches");
    }
    EmailSettings settings = emailSettings();
    List<Violation> violations = new ArrayList<>();
    Map<Long, Mailbox> senders = new HashMap<>();
    List<Mailbox> senderOfEach = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      OutgoingEmail request = requests.get(i);
      String prefix = "emails[" + i + "].";
      Mailbox sender =
          request.senderMailboxId() == null
              ? senderOf(null, prefix, violations)
              : senders.computeIfAbsent(
                  request.senderMailboxId(), id -> senderOf(id, prefix, violations));
      senderOfEach.add(sender);
      if (sender != null) {
        violations.addAll(violationsOf(request, settings, prefix));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    List<EmailRecord> records = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      records.add(queue(requests.get(i), senderOfEach.get(i), settings));
    }
    em.flush();
    Set<Long> wake = new LinkedHashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      audit(requests.get(i), records.get(i));
      if (!requests.get(i).draft()) {
        wake.add(senderOfEach.get(i).getId());
      }
    }
    // the audit entries too, inside the transaction (ADR 0012)
    em.flush();
    wake.forEach(mailboxId -> queued.fire(new EmailQueued(mailboxId)));
    return records;
  }

  private EmailSettings emailSettings() {
    return em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID).asEmailSettings();
  }

  /** What is wrong with the request, fields named after {@code prefix}. */
  private List<Violation> violationsOf(
      OutgoingEmail request, EmailSettings settings, String prefix) {
    List<Violation> violations = new ArrayList<>();
    checkAddresses("to", request.to(), violations);
    checkAddresses("cc", request.cc(), violations);
    checkAddresses("bcc", request.bcc(), violations);
    if (request.to().isEmpty() && request.cc().isEmpty() && request.bcc().isEmpty()) {
      violations.add(new Violation("to", "an email needs at least one recipient in to, cc or bcc"));
    }
    int recipients = request.to().size() + request.cc().size() + request.bcc().size();
    if (recipients > maxRecipients) {
      violations.add(
          new Violation(
              "to",
              "has "
                  + recipients
                  + " recipients in to, cc and bcc together; at most "
                  + maxRecipients
                  + " are allowed (send to a distribution list instead)"));
    }
    if (request.sendAt() != null
        && (request.sendAt().isBefore(EARLIEST) || request.sendAt().isAfter(LATEST))) {
      violations.add(new Violation("sendAt", "must be between " + EARLIEST + " and " + LATEST));
    }
    if (request.attachments().size() > maxAttachments) {
      violations.add(
          new Violation(
              "attachments",
              "has " + request.attachments().size() + " attachments; at most " + maxAttachments));
    }
    if (request.subject() != null && request.subject().length() > MAX_SUBJECT) {
      violations.add(new Violation("subject", "must be at most " + MAX_SUBJECT + " characters"));
    }
    checkAttachments(request.attachments(), settings.maxAttachmentSizeKb(), violations);
    if (prefix.isEmpty()) {
      return violations;
    }
    return violations.stream().map(v -> new Violation(prefix + v.field(), v.message())).toList();
  }

  /** The record of a checked request, persisted (its id assigned); flushed by the caller. */
  private EmailRecord queue(OutgoingEmail request, Mailbox sender, EmailSettings settings) {
    EmailContent content =
        new EmailContent(
            request.subject(),
            sender.getEmail(),
            request.to(),
            request.cc(),
            request.bcc(),
            request.textBody(),
            request.htmlBody(),
            null,
            null,
            null);
    EmailRecord record = EmailRecord.outgoing(content, sender, request.sendAt(), request.draft());
    request.attachments().forEach(record::attach);
    if (request.autoSubmitted()) {
      record.markAutoSubmitted();
    }
    if (settings.correlationEnabled()) {
      record.assignTrackingToken(TrackingToken.generate(random).value());
    }
    em.persist(record);
    return record;
  }

  private void audit(OutgoingEmail request, EmailRecord record) {
    auditor.record(
        request.draft() ? "drafted" : "queued",
        AUDIT_TYPE,
        record.getId(),
        "outgoing email from mailbox " + record.getSenderMailbox().getId());
  }

  /** A draft goes out. */
  public EmailRecord send(long id) {
    EmailRecord record = ownOutgoing(id);
    record.submit();
    auditor.record("queued", AUDIT_TYPE, id, "draft handed over for sending");
    queued.fire(new EmailQueued(record.getSenderMailbox().getId()));
    return record;
  }

  /**
   * A pending email goes at the next tick: no waiting for its send-at time, a retry backoff, or its
   * mailbox's sending postponed after its server failed.
   */
  public EmailRecord sendNow(long id) {
    EmailRecord record = ownOutgoing(id);
    record.sendNow();
    ledger.postponeSending(record.getSenderMailbox().getId(), null);
    auditor.record("send-now", AUDIT_TYPE, id, "to be sent at once");
    queued.fire(new EmailQueued(record.getSenderMailbox().getId()));
    return record;
  }

  public EmailRecord cancel(long id) {
    EmailRecord record = ownOutgoing(id);
    record.cancel();
    auditor.record("canceled", AUDIT_TYPE, id, "outgoing email canceled");
    return record;
  }

  private EmailRecord ownOutgoing(long id) {
    EmailRecord record = em.find(EmailRecord.class, id);
    if (record == null || record.getSenderMailbox() == null) {
      throw new NotFound("outgoing email", id);
    }
    requireMayUse(record.getSenderMailbox());
    return record;
  }

  /** The sending mailbox, or null with a violation; someone else's mailbox is refused at once. */
  private Mailbox senderOf(Long mailboxId, String prefix, List<Violation> violations) {
    if (mailboxId == null) {
      violations.add(
          new Violation(
              prefix + "senderMailboxId", "is required: the mailbox the email is sent from"));
      return null;
    }
    Mailbox mailbox = em.find(Mailbox.class, mailboxId);
    if (mailbox == null) {
      violations.add(
          new Violation(prefix + "senderMailboxId", "no mailbox has the id " + mailboxId));
      return null;
    }
    requireMayUse(mailbox);
    return mailbox;
  }

  private void requireMayUse(Mailbox mailbox) {
    if (caller.isAdministrator()) {
      return;
    }
    Long userId = caller.user().map(u -> u.getId()).orElse(-1L);
    if (mailbox.getOwner() == null || !mailbox.getOwner().getId().equals(userId)) {
      throw new AccessDenied(
          "Mailbox "
              + mailbox.getId()
              + " belongs to someone else; you may send only from your own mailbox.");
    }
  }

  /** RFC 5322 addresses, strictly parsed; one violation per bad address, e.g. {@code to[2]}. */
  private static void checkAddresses(
      String field, List<String> addresses, List<Violation> violations) {
    for (int i = 0; i < addresses.size(); i++) {
      String address = addresses.get(i);
      try {
        InternetAddress parsed = new InternetAddress(address, true);
        if (parsed.getAddress() == null || !parsed.getAddress().contains("@")) {
          throw new AddressException("an address needs a local part, '@' and a domain");
        }
      } catch (AddressException bad) {
        violations.add(
            new Violation(
                field + "[" + i + "]",
                "'" + address + "' is not a valid email address (RFC 5322): " + bad.getMessage()));
      } catch (RuntimeException bad) {
        violations.add(
            new Violation(field + "[" + i + "]", "is not a valid email address (RFC 5322)"));
      }
    }
  }

  private static void checkAttachments(
      List<AttachmentData> attachments, int maxKb, List<Violation> violations) {
    long maxBytes = maxKb * 1024L;
    for (int i = 0; i < attachments.size(); i++) {
      AttachmentData attachment = attachments.get(i);
      String field = "attachments[" + i + "]";
      if (attachment.content() == null) {
        violations.add(new Violation(field + ".content", "is required (base64)"));
      } else if (attachment.content().length > maxBytes) {
        violations.add(
            new Violation(
                field,
                "is "
                    + (attachment.content().length + 1023) / 1024
                    + " KB; the organisation allows at most "
                    + maxKb
                    + " KB per attachment"));
      }
      violations.addAll(attachmentHeaderViolations(field, attachment));
    }
  }

  /** What would reach the attachment's MIME headers (RFC 2045, RFC 2183) must be safe there. */
  static List<Violation> attachmentHeaderViolations(String field, AttachmentData attachment) {
    List<Violation> found = new ArrayList<>();
    String type = attachment.contentType();
    if (type == null
        || type.length() > MAX_CONTENT_TYPE
        || !MEDIA_TYPE.matcher(type.strip()).matches()) {
      found.add(
          new Violation(
              field + ".contentType",
              "must be a media type such as text/plain or application/pdf, at most "
                  + MAX_CONTENT_TYPE
                  + " characters, without line breaks"));
    } else if (type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")
        || type.strip().toLowerCase(Locale.ROOT).startsWith("message/")) {
      found.add(
          new Violation(
              field + ".contentType",
              "must not be multipart/* or message/*: an attachment is one file; send the parts as"
                  + " separate attachments"));
    }
    String name = attachment.fileName();
    if (name != null
        && (name.length() > MAX_FILE_NAME || name.chars().anyMatch(Character::isISOControl))) {
      found.add(
          new Violation(
              field + ".name",
              "must be at most "
                  + MAX_FILE_NAME
                  + " characters without line breaks or other control characters"));
    }
    return found;
  }
}
