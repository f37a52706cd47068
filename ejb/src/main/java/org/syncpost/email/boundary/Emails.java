package org.syncpost.email.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.syncpost.access.entity.Role;
import org.syncpost.directory.control.Caller;
import org.syncpost.email.control.AttachmentContents;
import org.syncpost.email.control.HtmlSanitizer;
import org.syncpost.email.entity.Attachment;
import org.syncpost.email.entity.Direction;
import org.syncpost.email.entity.EmailFilter;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.EmailSort;
import org.syncpost.email.entity.HourlyCount;
import org.syncpost.email.entity.SanitizedHtml;
import org.syncpost.paging.entity.SearchCriteria;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.NotFound;

/**
 * Reading email records: by mailbox, direction, status, date and conversation. Administrators read
 * all; everyone else (mailbox owners, and approvers too) only the emails of their own mailboxes
 * (sent from or received by them).
 */
@Stateless
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME, Role.MAILBOX_OWNER_NAME})
public class Emails {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject HtmlSanitizer sanitizer;
  @Inject AttachmentContents contents;

  /** Newest first. */
  public List<EmailRecord> list(EmailFilter filter, int offset, int limit) {
    return list(filter, null, false, offset, limit);
  }

  /** Sorted by {@code sort} ({@code null}: newest first), ties broken by id. */
  public List<EmailRecord> list(
      EmailFilter filter, EmailSort sort, boolean descending, int offset, int limit) {
    String orderBy = sort == null ? EmailSort.NEWEST_FIRST : sort.orderBy(descending);
    return query("select e", " order by " + orderBy, filter, EmailRecord.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(EmailFilter filter) {
    return query("select count(e)", "", filter, Long.class).getSingleResult();
  }

  public EmailRecord find(long id) {
    EmailRecord email = em.find(EmailRecord.class, id);
    if (email == null) {
      throw new NotFound("email", id);
    }
    Optional<Long> ownerId = caller.readsEmailOnlyOfOwnerId();
    if (ownerId.isPresent() && !isOwnedBy(email, ownerId.get())) {
      throw new AccessDenied(
          "Email "
              + id
              + " belongs to another mailbox; you may read only the emails of your own mailboxes.");
    }
    return email;
  }

  /**
   * The emails of the conversation that email {@code id} belongs to, itself included, newest first
   * (at most {@code limit}).
   */
  public List<EmailRecord> conversation(long id, int limit) {
    EmailRecord email = find(id);
    long first = email.getConversationId();
    return list(EmailFilter.conversation(first), 0, limit);
  }

  /**
   * The HTML body of email {@code id} made safe to show (see {@link HtmlSanitizer}); images from
   * other servers only when {@code remoteImages}.
   */
  public SanitizedHtml sanitizedHtmlBody(long id, boolean remoteImages) {
    return sanitizer.sanitize(find(id).getHtmlBody(), remoteImages);
  }

  /**
   * Emails received (incoming) or sent (outgoing, {@code SENT}) per hour from {@code from} until
   * {@code until}, counted by the database: one row per hour that had any. Hours are whole hours of
   * the epoch, so the buckets do not depend on the database's time zone.
   */
  public List<HourlyCount> perHour(Direction direction, Instant from, Instant until) {
    String at = direction == Direction.INCOMING ? "e.received_on" : "e.sent_on";
    String hour = "FLOOR(EXTRACT(EPOCH FROM " + at + ") / 3600)";
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(hour)
            .append(", COUNT(*) FROM email_record e WHERE e.direction = ?1 AND ")
            .append(at)
            .append(" >= ?2 AND ")
            .append(at)
            .append(" < ?3");
    if (direction == Direction.OUTGOING) {
      sql.append(" AND e.status = 'SENT'");
    }
    Optional<Long> ownerId = caller.readsEmailOnlyOfOwnerId();
    if (ownerId.isPresent()) {
      sql.append(
          " AND (e.sender_mailbox_id IN (SELECT m.id FROM mailbox m WHERE m.owner_id = ?4)"
              + " OR EXISTS (SELECT 1 FROM email_receiving_mailbox r JOIN mailbox m ON m.id ="
              + " r.mailbox_id WHERE r.email_id = e.id AND m.owner_id = ?4))");
    }
    sql.append(" GROUP BY ").append(hour);
    Query query =
        em.createNativeQuery(sql.toString())
            .setParameter(1, direction.name())
            .setParameter(2, from.atOffset(ZoneOffset.UTC))
            .setParameter(3, until.atOffset(ZoneOffset.UTC));
    ownerId.ifPresent(id -> query.setParameter(4, id));
    List<?> rows = query.getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new HourlyCount(
                    Instant.ofEpochSecond(((Number) row[0]).longValue() * 3600),
                    ((Number) row[1]).longValue()))
        .sorted(java.util.Comparator.comparing(HourlyCount::hour))
        .toList();
  }

  /** The {@code position}-th attachment of an email; its content is read when asked for. */
  public Attachment attachment(long emailId, int position) {
    return find(emailId).getAttachments().stream()
        .filter(a -> a.getPosition() == position)
        .findFirst()
        .orElseThrow(
            () -> new NotFound("attachment of email " + emailId + " at position", position));
  }

  /**
   * Writes the content of the {@code position}-th attachment to {@code out} straight from the
   * database, in pieces (for downloads: see {@link AttachmentContents}); the caller must be allowed
   * to read the email. Check {@link Attachment#isOmitted()} through {@link #attachment} first.
   *
   * @return the number of bytes written
   */
  public long copyAttachmentContent(long emailId, int position, OutputStream out) {
    return contents.copy(attachment(emailId, position).getId(), out);
  }

  private static boolean isOwnedBy(EmailRecord email, long ownerId) {
    boolean sender =
        email.getSenderMailbox() != null
            && email.getSenderMailbox().getOwner() != null
            && email.getSenderMailbox().getOwner().getId() == ownerId;
    return sender
        || email.getReceivingMailboxes().stream()
            .anyMatch(m -> m.getOwner() != null && m.getOwner().getId() == ownerId);
  }

  /** A LIKE pattern for text anywhere, the text's own {@code %} and {@code _} taken literally. */
  private <T> TypedQuery<T> query(
      String select, String orderBy, EmailFilter filter, Class<T> type) {
    // outer joins: a received record has no sender mailbox, and a path through it in the where
    // clause would join it inner and drop the record (an owner then saw none of his received mail)
    StringBuilder where =
        new StringBuilder(
            " from EmailRecord e left join e.senderMailbox sm left join sm.owner smOwner"
                + " where 1 = 1");
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (filter.mailboxId() != null) {
      where.append(
          " and (sm.id = :mailboxId or exists (select r from EmailRecord x join x.receivingMailboxes r where x = e and r.id = :mailboxId))");
      parameters.put("mailboxId", filter.mailboxId());
    }
    caller
        .readsEmailOnlyOfOwnerId()
        .ifPresent(
            ownerId -> {
              where.append(
                  " and (smOwner.id = :ownerId or exists (select r from EmailRecord x join x.receivingMailboxes r where x = e and r.owner.id = :ownerId))");
              parameters.put("ownerId", ownerId);
            });
    if (filter.direction() != null) {
      where.append(" and e.direction = :direction");
      parameters.put("direction", filter.direction());
    }
    if (filter.status() != null) {
      where.append(" and e.status = :status");
      parameters.put("status", filter.status());
    }
    if (filter.since() != null) {
      where.append(" and coalesce(e.receivedOn, e.sentOn, e.createdOn) >= :since");
      // coalesce() hides the attribute converter from EclipseLink: bind the column type itself
      parameters.put("since", filter.since().atOffset(ZoneOffset.UTC));
    }
    if (filter.until() != null) {
      where.append(" and coalesce(e.receivedOn, e.sentOn, e.createdOn) < :until");
      parameters.put("until", filter.until().atOffset(ZoneOffset.UTC));
    }
    if (filter.subject() != null) {
      where.append(" and lower(e.subject) like :subject escape '\\'");
      parameters.put("subject", SearchCriteria.pattern(filter.subject()));
    }
    if (filter.sender() != null) {
      where.append(" and lower(e.from) like :sender escape '\\'");
      parameters.put("sender", SearchCriteria.pattern(filter.sender()));
    }
    if (filter.text() != null) {
      where.append(
          " and (lower(e.subject) like :text escape '\\' or lower(e.from) like :text escape '\\'"
              + " or lower(e.recipients.to) like :text escape '\\'"
              + " or lower(e.recipients.cc) like :text escape '\\')");
      parameters.put("text", SearchCriteria.pattern(filter.text()));
    }
    if (filter.conversationId() != null) {
      where.append(" and (e.id = :conversationId or e.conversation.id = :conversationId)");
      parameters.put("conversationId", filter.conversationId());
    }
    TypedQuery<T> query = em.createQuery(select + where + orderBy, type);
    parameters.forEach(query::setParameter);
    return query;
  }
}
