package org.syncpost.mailbox.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.syncpost.audit.control.Auditor;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.TestReport;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.entity.NotFound;

/**
 * The two short transactions around a test & enable: reading the plan, recording the outcome. *
 *
 * <p>A stateless EJB, not a CDI bean with {@code jakarta.transaction.Transactional}: only so are
 * its transactions atomic on a managed executor's threads (ADR 0011).
 */
@Stateless
public class MailboxTestRecords {

  @PersistenceContext EntityManager em;
  @Inject MailboxEvents mailboxEvents;
  @Inject Endpoints endpoints;
  @Inject Auditor auditor;
  @Inject Clock clock;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public TestPlan plan(long mailboxId) {
    Mailbox mailbox = mailbox(mailboxId);
    OrganisationSettings organisation =
        em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
    Endpoint incoming = null;
    MailServerFailure incomingUnusable = null;
    if (mailbox.processesIncoming()) {
      try {
        incoming = endpoints.incomingOf(mailbox, organisation);
      } catch (MailServerFailure unusable) {
        incomingUnusable = unusable;
      }
    }
    Endpoint outgoing = null;
    MailServerFailure outgoingUnusable = null;
    if (mailbox.processesOutgoing()) {
      try {
        outgoing = endpoints.outgoingOf(mailbox, organisation);
      } catch (MailServerFailure unusable) {
        outgoingUnusable = unusable;
      }
    }
    return new TestPlan(
        mailboxId,
        mailbox.getName(),
        mailbox.getEmail(),
        mailbox.getProfile() == null ? null : mailbox.getProfile().getId(),
        mailbox.getProfile() == null ? 1 : mailbox.getProfile().getMaxConcurrentConnections(),
        mailbox.isApprovedFor(organisation),
        incoming,
        incomingUnusable,
        mailbox.getHandling().folderList(),
        outgoing,
        outgoingUnusable);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Mailbox record(TestPlan plan, TestReport report, String requestedBy) {
    Mailbox mailbox = mailbox(plan.mailboxId());
    MailboxEvents.Enablement before = MailboxEvents.Enablement.of(mailbox);
    mailbox.recordTest(report, plan.approved(), requestedBy, clock.instant());
    mailboxEvents.announceChanges(mailbox, before);
    auditor.record(
        "tested",
        "mailbox",
        mailbox.getId(),
        "test & enable requested by "
            + requestedBy
            + ": incoming "
            + report.incoming()
            + ", outgoing "
            + report.outgoing()
            + (plan.approved() ? "" : ", not enabled: email address not approved"));
    // written now, inside the transaction: what EclipseLink writes at commit ran outside it (ADR
    // 0012)
    em.flush();
    return mailbox;
  }

  private Mailbox mailbox(long mailboxId) {
    Mailbox mailbox = em.find(Mailbox.class, mailboxId);
    if (mailbox == null) {
      throw new NotFound("mailbox", mailboxId);
    }
    return mailbox;
  }
}
