package org.syncpost.incoming.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.syncpost.access.entity.Role;
import org.syncpost.email.control.MessageParser;
import org.syncpost.email.entity.ParsedMessage;
import org.syncpost.email.entity.UnparseableMessage;
import org.syncpost.incoming.control.IncomingLedger;
import org.syncpost.incoming.control.IncomingRecords;
import org.syncpost.incoming.control.IngestRules;
import org.syncpost.incoming.entity.QuarantinedMessage;
import org.syncpost.validation.entity.NotFound;

/**
 * Messages that could not become records, with their raw bytes and the reason; a retry parses them
 * again (e.g. after an upgrade of SyncPost or a change of the size limits).
 */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class Quarantine {

  @PersistenceContext EntityManager em;
  @Inject MessageParser parser;
  @Inject IncomingLedger ledger;
  @Inject IncomingRecords records;

  public List<QuarantinedMessage> list(Long mailboxId, int offset, int limit) {
    return em.createQuery(
            "select q from QuarantinedMessage q where (:mailboxId = 0 or q.mailboxId ="
                + " :mailboxId) order by q.id desc",
            QuarantinedMessage.class)
        .setParameter("mailboxId", anyIfNull(mailboxId))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(Long mailboxId) {
    return em.createQuery(
            "select count(q) from QuarantinedMessage q where (:mailboxId = 0 or q.mailboxId ="
                + " :mailboxId)",
            Long.class)
        .setParameter("mailboxId", anyIfNull(mailboxId))
        .getSingleResult();
  }

  /** 0 for "any mailbox": a null would be bound as VARCHAR, which PostgreSQL refuses. */
  private static long anyIfNull(Long mailboxId) {
    return mailboxId == null ? 0L : mailboxId;
  }

  public QuarantinedMessage find(long id) {
    QuarantinedMessage entry = em.find(QuarantinedMessage.class, id);
    if (entry == null) {
      throw new NotFound("quarantined message", id);
    }
    return entry;
  }

  /**
   * Parses the message again: it becomes a record (the entry is resolved), or stays with the new
   * reason. A resolved entry is answered as it is.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public QuarantinedMessage retry(long id) {
    QuarantinedMessage entry = find(id);
    if (!entry.isOpen()) {
      return entry;
    }
    if (entry.getRawMessage() == null) {
      return ledger.retryFailed(
          id, entry.getReason() + " (the message was not fetched, so it cannot be parsed again)");
    }
    IngestRules rules = records.rulesFor(entry.getMailboxId());
    ParsedMessage parsed;
    try {
      parsed = parser.parse(entry.getRawMessage(), rules.maxAttachmentBytes());
    } catch (UnparseableMessage refused) {
      return ledger.retryFailed(id, refused.reason());
    }
    ledger.resolve(id, parsed, rules);
    return find(id);
  }
}
