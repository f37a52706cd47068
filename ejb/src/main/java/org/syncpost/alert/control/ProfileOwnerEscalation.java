package org.syncpost.alert.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.syncpost.alert.entity.Alert;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.profile.entity.EmailServerProfile;

/**
 * "Alert the profile owner": when more than half of a profile's mailboxes failed within the last
 * hour, the server or the profile is the likely cause rather than the mailboxes, and the profile's
 * owner hears about it once (a profile-level alert, counted like any other).
 *
 * <p>A stateless EJB, not a CDI bean with {@code jakarta.transaction.Transactional}: only so are
 * its transactions atomic on a managed executor's threads (ADR 0011).
 */
@Stateless
public class ProfileOwnerEscalation {

  public static final String CODE = "profile-mailboxes-failing";
  static final Duration WINDOW = Duration.ofHours(1);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** The profile-level alert due after an error alert about this mailbox, if any. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<AlertNotice> after(long failedMailboxId) {
    Mailbox mailbox = em.find(Mailbox.class, failedMailboxId);
    if (mailbox == null
        || mailbox.getProfile() == null
        || !mailbox.getProfile().isAlertOwnerOnFailures()) {
      return Optional.empty();
    }
    EmailServerProfile profile = mailbox.getProfile();
    long total =
        em.createNamedQuery(Mailbox.COUNT_OF_PROFILE, Long.class)
            .setParameter("profileId", profile.getId())
            .getSingleResult();
    long failing =
        em.createNamedQuery(Alert.MAILBOXES_FAILING_SINCE, Long.class)
            .setParameter("profileId", profile.getId())
            .setParameter("level", AlertLevel.ERROR)
            .setParameter("since", clock.instant().minus(WINDOW))
            .getSingleResult();
    if (!isMoreThanHalf(failing, total)) {
      return Optional.empty();
    }
    return Optional.of(
        AlertNotice.aboutProfile(
            AlertLevel.ERROR,
            CODE,
            profile.getId(),
            "More than half of the mailboxes of email server profile '"
                + profile.getName()
                + "' failed within the last hour ("
                + failing
                + " of "
                + total
                + ").",
            "So many failures at once point to the mail server or to the profile rather than to"
                + " the mailboxes: check that the servers are reachable and that the profile's"
                + " server names, ports, SSL and credentials are right, then test & enable the"
                + " mailboxes again. The alerts of the individual mailboxes say what failed.",
            "profileId="
                + profile.getId()
                + " failingMailboxes="
                + failing
                + " mailboxes="
                + total));
  }

  static boolean isMoreThanHalf(long failing, long total) {
    return total > 0 && failing * 2 > total;
  }
}
