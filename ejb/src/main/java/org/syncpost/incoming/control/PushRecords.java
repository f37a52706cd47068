package org.syncpost.incoming.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.syncpost.lease.control.LeaseLedger;
import org.syncpost.lease.control.LeasedRows;
import org.syncpost.mailbox.control.Endpoints;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.PushStatus;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.settings.entity.OrganisationSettings;

/**
 * The short transactions of push: which mailboxes ask for it, the IDLE lease (one node listens to a
 * mailbox at a time; a dead node's lease runs out and another node takes over), the push status an
 * administrator sees, and waking a mailbox so that its next cycle is due now. Native SQL for the
 * lease and the status, as for the cycle lease ({@link MailboxLeases}): the mailbox's version is
 * not changed, so a cycle writing the same mailbox never fails over it.
 *
 * <p>A stateless EJB, not a CDI bean with {@code jakarta.transaction.Transactional}: only so are
 * its transactions atomic on a managed executor's threads (ADR 0011).
 */
@Stateless
public class PushRecords {

  /** The IDLE lease of a mailbox, apart from its cycle lease ({@link MailboxLeases#CYCLE}). */
  static final LeasedRows IDLE = new LeasedRows("mailbox", "idle_owner", "idle_until", null);

  @PersistenceContext EntityManager em;
  @Inject Endpoints endpoints;
  @Inject LeaseLedger leases;

  /**
   * Mailboxes that ask for push and may be listened to by {@code node}: enabled for IMAP incoming
   * email, approved where required, push on, and their IDLE lease free, run out, or {@code node}'s.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> wanted(String node, Instant now) {
    List<?> ids =
        em.createNativeQuery(
                "select m.id from mailbox m join email_server_profile p on p.id = m.profile_id"
                    + " where m.active = true and m.enabled_for_incoming = true"
                    + " and m.incoming_delivery_method = 'SERVER_SIDE_SYNC'"
                    + " and p.server_type = 'IMAP_SMTP'"
                    + " and (m.push_incoming_email = 'ON' or (m.push_incoming_email = 'AS_PROFILE'"
                    + " and p.push_incoming_email = true))"
                    + " and (m.idle_owner is null or m.idle_owner = ?1 or m.idle_until < ?2)"
                    + " order by m.id")
            .setParameter(1, node)
            .setParameter(2, now.atOffset(ZoneOffset.UTC))
            .getResultList();
    OrganisationSettings organisation =
        em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
    List<Long> wanted = new ArrayList<>();
    for (Object id : ids) {
      Mailbox mailbox = em.find(Mailbox.class, ((Number) id).longValue());
      if (mailbox != null && mailbox.isApprovedFor(organisation) && mailbox.wantsPush()) {
        wanted.add(mailbox.getId());
      }
    }
    return wanted;
  }

  /**
   * What the listeners of a mailbox need, read anew at each (re)connection so that changed
   * credentials apply; empty when the mailbox no longer asks for push.
   *
   * @throws MailServerFailure when its server cannot be reached as configured
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<PushTarget> target(long mailboxId) {
    Mailbox mailbox = em.find(Mailbox.class, mailboxId);
    if (mailbox == null || !mailbox.wantsPush()) {
      return Optional.empty();
    }
    OrganisationSettings organisation =
        em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
    return Optional.of(
        new PushTarget(
            mailboxId,
            mailbox.getName(),
            endpoints.incomingOf(mailbox, organisation),
            mailbox.getHandling().folderList(),
            mailbox.getProfile().getId(),
            Math.max(mailbox.getProfile().getMaxConcurrentConnections(), 1),
            signatureOf(mailbox)));
  }

  /** {@link PushTarget#signature()} of the mailbox as it is now; empty when it is gone. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String signature(long mailboxId) {
    Mailbox mailbox = em.find(Mailbox.class, mailboxId);
    return mailbox == null || mailbox.getProfile() == null ? "" : signatureOf(mailbox);
  }

  private static String signatureOf(Mailbox mailbox) {
    return mailbox.getHandling().getFolders()
        + "|"
        + mailbox.getProfile().getId()
        + "@"
        + mailbox.getProfile().getVersion();
  }

  /** Whether {@code node} holds (or renewed) the mailbox's IDLE lease until {@code until}. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS) // the lease's own transaction
  public boolean hold(long mailboxId, String node, Instant now, Instant until) {
    return leases.claimOrKeep(IDLE, mailboxId, node, now, until);
  }

  /** Gives the IDLE lease back, if {@code node} holds it, and records the push status. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void release(long mailboxId, String node, PushStatus status, String text) {
    em.createNativeQuery(
            "update mailbox set idle_owner = null, idle_until = null, push_status = ?1,"
                + " push_status_text = ?2 where id = ?3 and idle_owner = ?4")
        .setParameter(1, status.name())
        .setParameter(2, shortened(text))
        .setParameter(3, mailboxId)
        .setParameter(4, node)
        .executeUpdate();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void status(long mailboxId, PushStatus status, String text) {
    em.createNativeQuery("update mailbox set push_status = ?1, push_status_text = ?2 where id = ?3")
        .setParameter(1, status.name())
        .setParameter(2, shortened(text))
        .setParameter(3, mailboxId)
        .executeUpdate();
  }

  /**
   * Mailboxes that no longer ask for push (switched off, disabled) show so, unless a node still
   * holds their IDLE lease (its listeners stop at its next tick and say so themselves).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void forgetUnwanted(List<Long> wanted) {
    List<?> ids =
        em.createNativeQuery(
                "select id from mailbox where push_status <> 'NOT_REQUESTED' and idle_owner is null"
                    + " order by id")
            .getResultList();
    for (Object id : ids) {
      long mailboxId = ((Number) id).longValue();
      if (!wanted.contains(mailboxId)) {
        status(mailboxId, PushStatus.NOT_REQUESTED, null);
      }
    }
  }

  /** New mail was announced: the mailbox's next cycle is due now. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void wake(long mailboxId, Instant now) {
    em.createNativeQuery("update mailbox set next_incoming_poll_at = ?1 where id = ?2")
        .setParameter(1, now.atOffset(ZoneOffset.UTC))
        .setParameter(2, mailboxId)
        .executeUpdate();
  }

  private static String shortened(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
