package org.syncpost.alert.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.syncpost.alert.entity.Alert;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.audit.control.Auditor;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.entity.NotFound;

/**
 * Stores a raised alert in a transaction of its own, so that the alert survives when the work that
 * failed rolls back: a new alert, or the open one with the same key counted once more.
 *
 * <p>A stateless EJB, not a CDI bean with {@code jakarta.transaction.Transactional}: only so are
 * its transactions atomic on a managed executor's threads (ADR 0011).
 */
@Stateless
public class AlertRecorder {

  private static final System.Logger LOGGER = System.getLogger(AlertRecorder.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Auditor auditor;

  /**
   * Raises the notice unless the organisation does not raise alerts of its level: counts the open
   * alert with the same key, or stores a new one.
   *
   * <p>Optimistic, and flushed before returning: when another transaction counted the same alert
   * meanwhile (version conflict) or stored it first (unique key), this one fails here, and {@link
   * AlertRaiser} records again. A row lock ({@code SELECT ... FOR UPDATE}) would not help: on
   * Payara Micro with H2 the first statement of a transaction was seen to run on a connection still
   * in auto-commit, so its lock ended with the statement.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Alert> record(AlertNotice notice) {
    if (!notice.level().isRaisedUnder(organisation())) {
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "Not raising {0} alert {1}: the organisation does not raise this level",
          notice.level(),
          notice.dedupKey());
      return Optional.empty();
    }
    Mailbox mailbox = mailbox(notice.mailboxId());
    EmailServerProfile profile = profile(notice.profileId());
    Long mailboxOwnerId =
        notice.toMailboxOwner() && mailbox != null && mailbox.getOwner() != null
            ? mailbox.getOwner().getId()
            : null;
    EmailServerProfile ownersProfile =
        profile != null ? profile : mailbox == null ? null : mailbox.getProfile();
    Long profileOwnerId =
        notice.toProfileOwner() && ownersProfile != null && ownersProfile.getOwner() != null
            ? ownersProfile.getOwner().getId()
            : null;
    Instant now = clock.instant();
    Optional<Alert> open =
        em.createNamedQuery(Alert.OPEN_WITH_KEY, Alert.class)
            .setParameter("key", notice.dedupKey())
            .getResultStream()
            .findFirst();
    if (open.isPresent()) {
      open.get().repeat(notice, mailboxOwnerId, profileOwnerId, now);
      em.flush();
      return open;
    }
    Alert alert = new Alert(notice, mailboxOwnerId, profileOwnerId, now);
    em.persist(alert);
    em.flush();
    LOGGER.log(
        System.Logger.Level.INFO,
        "Raised {0} alert {1} ({2})",
        notice.level(),
        alert.getId(),
        notice.dedupKey());
    return Optional.of(alert);
  }

  /**
   * Closes the mailbox's open alerts with one of these codes as {@linkplain Alert#resolve resolved
   * by SyncPost}, each with an audit entry saying why.
   *
   * @return the alerts closed
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Alert> resolve(long mailboxId, Collection<String> codes, String because) {
    List<Alert> open =
        em.createNamedQuery(Alert.OPEN_ABOUT_MAILBOX, Alert.class)
            .setParameter("mailboxId", mailboxId)
            .setParameter("codes", codes)
            .getResultList();
    Instant now = clock.instant();
    for (Alert alert : open) {
      alert.resolve(now);
      auditor.record(
          "resolved",
          "alert",
          alert.getId(),
          "alert " + alert.getCode() + " " + Alert.RESOLVED_BY + ": " + because);
      LOGGER.log(
          System.Logger.Level.INFO,
          "Resolved alert {0} ({1}) of mailbox {2}: {3}",
          alert.getId(),
          alert.getCode(),
          mailboxId,
          because);
    }
    em.flush();
    return open;
  }

  private Mailbox mailbox(Long id) {
    if (id == null) {
      return null;
    }
    Mailbox mailbox = em.find(Mailbox.class, id);
    if (mailbox == null) {
      throw new NotFound("mailbox", id);
    }
    return mailbox;
  }

  private EmailServerProfile profile(Long id) {
    if (id == null) {
      return null;
    }
    EmailServerProfile profile = em.find(EmailServerProfile.class, id);
    if (profile == null) {
      throw new NotFound("email server profile", id);
    }
    return profile;
  }

  private OrganisationSettings organisation() {
    return em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
  }
}
