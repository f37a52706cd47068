package org.syncpost.alert.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.syncpost.access.entity.Role;
import org.syncpost.alert.control.AlertRaiser;
import org.syncpost.alert.control.AlertRecorder;
import org.syncpost.alert.control.ProfileOwnerEscalation;
import org.syncpost.alert.entity.Alert;
import org.syncpost.alert.entity.AlertFilter;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.alert.entity.AlertSort;
import org.syncpost.audit.control.Actor;
import org.syncpost.audit.control.Auditor;
import org.syncpost.directory.control.Caller;
import org.syncpost.directory.entity.User;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.paging.entity.SearchCriteria;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.NotFound;

/**
 * The alerts wall: what failed, why and what to do, per user, mailbox and profile. Administrators
 * and approvers see every alert; a mailbox owner sees the alerts of their own mailboxes and those
 * addressed to them (e.g. as a profile's owner), and may dismiss what they see.
 */
@Stateless
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME, Role.MAILBOX_OWNER_NAME})
public class Alerts {

  static final String AUDIT_TYPE = "alert";
  private static final System.Logger LOGGER = System.getLogger(Alerts.class.getName());

  @PersistenceContext EntityManager em;
  @Inject AlertRaiser raiser;
  @Inject AlertRecorder recorder;
  @Inject ProfileOwnerEscalation escalation;
  @Inject Caller caller;
  @Inject Actor actor;
  @Inject Auditor auditor;
  @Inject Clock clock;

  /**
   * Raises an alert, or counts the open one with the same regarding mailbox and profile and the
   * same code. An error about a mailbox whose profile alerts its owner on failures may also raise
   * the profile-level alert {@value ProfileOwnerEscalation#CODE}.
   *
   * <p>Open to every caller, including background work that has no caller at all (timers, jobs):
   * SyncPost raises alerts on its own behalf. Runs in transactions of its own, never the caller's,
   * so an alert about a failure stays when the failed work rolls back; the mailbox and profile it
   * is about must therefore already be committed.
   *
   * @return the new or counted alert; {@code null} when the organisation does not raise alerts of
   *     this level
   * @throws NotFound when the mailbox or profile does not exist
   */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Alert raise(AlertNotice notice) {
    Optional<Alert> raised = raiser.raise(notice);
    raised
        .filter(alert -> alert.getLevel() == AlertLevel.ERROR && alert.getMailboxId() != null)
        .flatMap(alert -> escalation.after(alert.getMailboxId()))
        .ifPresent(raiser::raise);
    return raised.orElse(null);
  }

  /**
   * The mailbox's open alerts with one of these codes no longer hold (e.g. its sign-in failed and
   * has just succeeded): they close as {@linkplain Alert#resolve resolved by SyncPost}, audited
   * with the reason, and the dashboard counts them no more.
   *
   * <p>Open to every caller, in a transaction of its own, like {@link #raise}. Called after work
   * that succeeded: when closing fails (the database is briefly unavailable), that work still
   * stands, the alerts stay open and the next success closes them, so the failure is logged and not
   * passed on.
   *
   * @return how many alerts were closed
   */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int resolve(long mailboxId, Collection<String> codes, String because) {
    if (codes.isEmpty()) {
      return 0;
    }
    try {
      return recorder.resolve(mailboxId, codes, because).size();
    } catch (RuntimeException e) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "Mailbox " + mailboxId + ": its alerts could not be resolved (" + because + ")",
          e);
      return 0;
    }
  }

  /** The most recently raised first. */
  public List<Alert> list(AlertFilter filter, int offset, int limit) {
    return list(filter, AlertSort.LAST_RAISED_ON, true, offset, limit);
  }

  /** Sorted by {@code sort}, ties broken by id. */
  public List<Alert> list(
      AlertFilter filter, AlertSort sort, boolean descending, int offset, int limit) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Alert> query = cb.createQuery(Alert.class);
    Root<Alert> alert = query.from(Alert.class);
    Expression<?> field = sort.of(cb, alert);
    query
        .select(alert)
        .where(visibleAndMatching(cb, query, alert, filter))
        .orderBy(
            descending ? cb.desc(field) : cb.asc(field),
            descending ? cb.desc(alert.get("id")) : cb.asc(alert.get("id")));
    return em.createQuery(query).setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  public long count(AlertFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<Alert> alert = query.from(Alert.class);
    query.select(cb.count(alert)).where(visibleAndMatching(cb, query, alert, filter));
    return em.createQuery(query).getSingleResult();
  }

  public Alert find(long id) {
    return visible(em.find(Alert.class, id), id);
  }

  /** Marks the alert seen and dealt with; raised again later, it comes back as a new alert. */
  public Alert dismiss(long id) {
    Alert alert = visible(em.find(Alert.class, id), id);
    if (!alert.isDismissed()) {
      alert.dismiss(actor.name(), clock.instant());
      auditor.record("dismissed", AUDIT_TYPE, id, "alert " + alert.getCode());
    }
    return alert;
  }

  private Alert visible(Alert alert, long id) {
    if (alert == null) {
      throw new NotFound("alert", id);
    }
    Optional<Long> ownerId = caller.restrictedToOwnerId();
    if (ownerId.isPresent()
        && !alert.isAddressedTo(ownerId.get())
        && !isMailboxOwnedBy(alert.getMailboxId(), ownerId.get())) {
      throw new AccessDenied(
          "Alert " + id + " is about someone else's mailbox; you may see only your own alerts.");
    }
    return alert;
  }

  private boolean isMailboxOwnedBy(Long mailboxId, long userId) {
    if (mailboxId == null) {
      return false;
    }
    Mailbox mailbox = em.find(Mailbox.class, mailboxId);
    return mailbox != null
        && mailbox.getOwner() != null
        && mailbox.getOwner().getId().equals(userId);
  }

  private Predicate[] visibleAndMatching(
      CriteriaBuilder cb, CriteriaQuery<?> query, Root<Alert> alert, AlertFilter filter) {
    List<Predicate> where = new ArrayList<>();
    if (filter.mailboxId() != null) {
      where.add(cb.equal(alert.get("mailboxId"), filter.mailboxId()));
    }
    if (filter.profileId() != null) {
      where.add(cb.equal(alert.get("profileId"), filter.profileId()));
    }
    if (filter.level() != null) {
      where.add(cb.equal(alert.get("level"), filter.level()));
    }
    if (filter.text() != null) {
      String pattern = SearchCriteria.pattern(filter.text());
      where.add(
          cb.or(
              cb.like(cb.lower(alert.get("text")), pattern, '\\'),
              cb.like(cb.lower(alert.get("code")), pattern, '\\'),
              cb.like(cb.lower(alert.get("advice")), pattern, '\\')));
    }
    if (!filter.includeDismissed()) {
      where.add(cb.isNull(alert.get("dismissedOn")));
    }
    if (filter.mine()) {
      where.add(addressedTo(cb, alert, caller.user().map(User::getId).orElse(-1L)));
    }
    caller
        .restrictedToOwnerId()
        .ifPresent(
            ownerId -> {
              Subquery<Long> owned = query.subquery(Long.class);
              Root<Mailbox> mailbox = owned.from(Mailbox.class);
              owned
                  .select(mailbox.get("id"))
                  .where(cb.equal(mailbox.get("owner").get("id"), ownerId));
              where.add(cb.or(addressedTo(cb, alert, ownerId), alert.get("mailboxId").in(owned)));
            });
    return where.toArray(Predicate[]::new);
  }

  private static Predicate addressedTo(CriteriaBuilder cb, Root<Alert> alert, long userId) {
    return cb.or(
        cb.equal(alert.get("mailboxOwnerId"), userId),
        cb.equal(alert.get("profileOwnerId"), userId));
  }
}
