package org.syncpost.container;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.syncpost.email.control.Correlator;
import org.syncpost.email.control.Correlator.Correlation;
import org.syncpost.email.entity.EmailContent;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.EmailStatus;
import org.syncpost.email.entity.TrackingToken;
import org.syncpost.mailbox.entity.Mailbox;

/** Email records as the tests need them, and the correlator run in a transaction. */
@Stateless
@PermitAll
public class EmailFixtures {

  @PersistenceContext EntityManager em;
  @Inject Correlator correlator;

  public long recordWithToken(long mailboxId, String subject, TrackingToken token) {
    EmailRecord record =
        EmailRecord.received(
            new EmailContent(
                subject, "a@example.org", null, null, null, "x", null, null, null, null),
            em.find(Mailbox.class, mailboxId),
            Instant.parse("2026-11-26T09:00:00Z"));
    record.assignTrackingToken(token.value());
    em.persist(record);
    return record.getId();
  }

  /** An email from the mailbox, pending and due now; its record's id. */
  public long pendingOutgoing(long mailboxId, String subject) {
    Mailbox sender = em.find(Mailbox.class, mailboxId);
    EmailRecord record =
        EmailRecord.outgoing(
            new EmailContent(
                subject,
                null,
                List.of("someone@example.org"),
                null,
                null,
                "x",
                null,
                null,
                null,
                null),
            sender,
            null,
            false);
    em.persist(record);
    return record.getId();
  }

  /** An email from the mailbox, due now, put straight into {@code status}; its record's id. */
  public long outgoingIn(long mailboxId, String subject, EmailStatus status) {
    long id = pendingOutgoing(mailboxId, subject);
    em.flush();
    em.createNativeQuery("UPDATE email_record SET status = ? WHERE id = ?")
        .setParameter(1, status.name())
        .setParameter(2, id)
        .executeUpdate();
    return id;
  }

  /** The record as it is now, detached. */
  public EmailRecord record(long id) {
    return em.find(EmailRecord.class, id);
  }

  /** The earlier record's id and the method, or empty. */
  public Optional<String> correlate(EmailContent content, String prefix) {
    return correlator
        .correlate(content, prefix)
        .map((Correlation c) -> c.earlier().getId() + " " + c.method());
  }
}
