package org.syncpost.mailbox.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.syncpost.audit.control.Auditor;
import org.syncpost.directory.control.Caller;
import org.syncpost.directory.entity.Role;
import org.syncpost.mailbox.control.MailboxAddresses;
import org.syncpost.mailbox.entity.DeliveryChange;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.MailboxSettings;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.entity.AppointmentsNotSupported;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.control.Rules;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.Violation;

/**
 * The mailboxes of users and queues. Administrators and approvers see all of them; a mailbox owner
 * sees and changes only the credentials of their own.
 */
@Stateless
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME, Role.MAILBOX_OWNER_NAME})
public class Mailboxes {

  static final String AUDIT_TYPE = "mailbox";

  @PersistenceContext EntityManager em;
  @Inject Rules rules;
  @Inject Auditor auditor;
  @Inject Caller caller;
  @Inject MailboxAddresses addresses;

  public List<Mailbox> list(Long profileId, int offset, int limit) {
    return em.createNamedQuery(Mailbox.FILTERED, Mailbox.class)
        .setParameter("ownerId", caller.restrictedToOwnerId().orElse(null))
        .setParameter("profileId", profileId)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(Long profileId) {
    return em.createNamedQuery(Mailbox.COUNT_FILTERED, Long.class)
        .setParameter("ownerId", caller.restrictedToOwnerId().orElse(null))
        .setParameter("profileId", profileId)
        .getSingleResult();
  }

  public Mailbox find(long id) {
    Mailbox mailbox = em.find(Mailbox.class, id);
    if (mailbox == null) {
      throw new NotFound("mailbox", id);
    }
    caller
        .restrictedToOwnerId()
        .filter(
            ownerId -> mailbox.getOwner() == null || !ownerId.equals(mailbox.getOwner().getId()))
        .ifPresent(
            notOwner -> {
              throw new AccessDenied(
                  "Mailbox " + id + " belongs to someone else; you may see only your own mailbox.");
            });
    return mailbox;
  }

  /**
   * An administrator changes anything; a mailbox owner only the credentials SyncPost uses for their
   * own mailbox.
   */
  public Mailbox update(long id, MailboxSettings settings) {
    Mailbox mailbox = find(id);
    if (!caller.isAdministrator()) {
      requireOnlyCredentialsChanged(mailbox, settings);
      rules.enforce(settings);
      mailbox.changeCredentials(
          settings.username(), settings.password(), settings.allowCredentialUse());
      auditor.record("credentials-changed", AUDIT_TYPE, id, summary(mailbox, settings));
      return mailbox;
    }
    List<Violation> found = new ArrayList<>(mailbox.violationsOf(settings));
    addresses.conflictFor("email", settings.email(), mailbox).ifPresent(found::add);
    EmailServerProfile profile = profile(settings.profileId(), "profileId", found);
    rules.enforce(settings, found);
    mailbox.reconfigure(settings, profile, organisation().requiresApproval(mailbox.isForQueue()));
    auditor.record("changed", AUDIT_TYPE, id, summary(mailbox, settings));
    return mailbox;
  }

  /** Sets profile and delivery methods of every selected mailbox, all or none. */
  @RolesAllowed(Role.ADMINISTRATOR_NAME)
  public List<Mailbox> changeDelivery(DeliveryChange change) {
    List<Violation> found = new ArrayList<>();
    if (AppointmentsNotSupported.isRefused(change.appointmentsDeliveryMethod())) {
      found.add(AppointmentsNotSupported.violation("appointmentsDeliveryMethod"));
    }
    EmailServerProfile profile = profile(change.profileId(), "profileId", found);
    List<Mailbox> selected = new ArrayList<>();
    if (change.mailboxIds() != null) {
      for (Long mailboxId : change.mailboxIds()) {
        Mailbox mailbox = mailboxId == null ? null : em.find(Mailbox.class, mailboxId);
        if (mailbox == null) {
          found.add(new Violation("mailboxIds", "there is no mailbox with id " + mailboxId));
        } else {
          selected.add(mailbox);
        }
      }
    }
    rules.enforce(change, found);
    for (Mailbox mailbox : selected) {
      mailbox.useDeliveryMethods(
          profile,
          change.incomingDeliveryMethod(),
          change.outgoingDeliveryMethod(),
          change.appointmentsDeliveryMethod());
      auditor.record(
          "delivery-changed",
          AUDIT_TYPE,
          mailbox.getId(),
          "profile "
              + change.profileId()
              + ", incoming "
              + change.incomingDeliveryMethod()
              + ", outgoing "
              + change.outgoingDeliveryMethod()
              + " (bulk edit of "
              + selected.size()
              + ")");
    }
    return selected;
  }

  private void requireOnlyCredentialsChanged(Mailbox mailbox, MailboxSettings settings) {
    boolean othersUnchanged =
        Objects.equals(settings.name(), mailbox.getName())
            && Objects.equals(settings.email(), mailbox.getEmail())
            && Objects.equals(
                settings.profileId(),
                mailbox.getProfile() == null ? null : mailbox.getProfile().getId())
            && settings.incomingDeliveryMethod() == mailbox.getIncomingDeliveryMethod()
            && settings.outgoingDeliveryMethod() == mailbox.getOutgoingDeliveryMethod()
            && settings.appointmentsDeliveryMethod() == mailbox.getAppointmentsDeliveryMethod()
            && Objects.equals(
                settings.processEmailReceivedAfter(), mailbox.getProcessEmailReceivedAfter())
            && Objects.equals(
                settings.deleteEmailAfterProcessing(), mailbox.isDeleteEmailAfterProcessing())
            && Objects.equals(settings.folders(), mailbox.getFolders());
    if (!othersUnchanged) {
      throw new AccessDenied(
          "As a mailbox owner you may change only username, password and allowCredentialUse of"
              + " your mailbox; ask an administrator for other changes.");
    }
  }

  private EmailServerProfile profile(Long profileId, String field, List<Violation> found) {
    if (profileId == null) {
      return null;
    }
    EmailServerProfile profile = em.find(EmailServerProfile.class, profileId);
    if (profile == null) {
      found.add(new Violation(field, "there is no email server profile with id " + profileId));
    }
    return profile;
  }

  private static String summary(Mailbox mailbox, MailboxSettings settings) {
    return "mailbox '"
        + mailbox.getName()
        + "'"
        + (settings.password() != null ? ", password replaced" : "");
  }

  private OrganisationSettings organisation() {
    return em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
  }
}
