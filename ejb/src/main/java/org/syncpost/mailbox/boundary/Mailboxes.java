package org.syncpost.mailbox.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Actor;
import org.syncpost.audit.control.Auditor;
import org.syncpost.directory.control.Caller;
import org.syncpost.mailbox.control.MailboxAddresses;
import org.syncpost.mailbox.entity.DeliveryChange;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.MailboxFilter;
import org.syncpost.mailbox.entity.MailboxSettings;
import org.syncpost.mailbox.entity.StillNeeded;
import org.syncpost.mailserver.entity.MailProtocol;
import org.syncpost.paging.entity.SearchCriteria;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.settings.entity.AppointmentsNotSupported;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.control.Rules;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.InvalidInput;
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
  @Inject Actor actor;
  @Inject Clock clock;

  /** How many mailboxes {@code profileId} has (null: all mailboxes). */
  public long count(Long profileId) {
    return countMatching(profileId, MailboxFilter.ALL);
  }

  /**
   * One page of the mailboxes {@code filter} selects, in its order (a mailbox owner sees only his
   * own): the database filters, sorts and pages, so a list never loads every mailbox.
   */
  public List<Mailbox> search(MailboxFilter filter, int offset, int limit) {
    return search(null, filter, offset, limit);
  }

  /**
   * {@link #search(MailboxFilter, int, int)} among the mailboxes of {@code profileId} (null: any).
   */
  public List<Mailbox> search(Long profileId, MailboxFilter filter, int offset, int limit) {
    return matching("select m", criteria(profileId, filter), filter.orderBy(), Mailbox.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** How many mailboxes {@code filter} selects. */
  public long countMatching(MailboxFilter filter) {
    return countMatching(null, filter);
  }

  /** How many mailboxes of {@code profileId} (null: any) {@code filter} selects. */
  public long countMatching(Long profileId, MailboxFilter filter) {
    return matching("select count(m)", criteria(profileId, filter), null, Long.class)
        .getSingleResult();
  }

  private static SearchCriteria criteria(Long profileId, MailboxFilter filter) {
    return filter.criteria().equal("p.id", "profileId", profileId);
  }

  /**
   * The ids of all the mailboxes {@code filter} selects: what a bulk action on "all matching" works
   * on. Refused, with the number that match, when more than {@code most} do.
   */
  public List<Long> idsMatching(MailboxFilter filter, int most) {
    List<Long> ids =
        matching("select m.id", filter.criteria(), "m.id", Long.class)
            .setMaxResults(most + 1)
            .getResultList();
    if (ids.size() > most) {
      throw InvalidInput.of(null, MailboxFilter.tooMany(countMatching(filter), most));
    }
    return ids;
  }

  /**
   * {@code criteria} over the mailboxes the caller may see, ordered by {@code orderBy} if given.
   */
  private <T> TypedQuery<T> matching(
      String select, SearchCriteria criteria, String orderBy, Class<T> type) {
    return criteria
        .equal("m.owner.id", "ownerId", caller.restrictedToOwnerId().orElse(null))
        .query(
            em,
            select + " from Mailbox m left join m.profile p",
            orderBy == null ? "" : " order by " + orderBy,
            type);
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
   * own mailbox. An approver sees every mailbox but changes none that is not theirs.
   */
  public Mailbox update(long id, MailboxSettings settings) {
    return update(id, settings, null);
  }

  /**
   * As {@link #update(long, MailboxSettings)}, refused if the mailbox is no longer at {@code
   * expectedVersion}.
   */
  public Mailbox update(long id, MailboxSettings settings, Long expectedVersion) {
    Mailbox mailbox = find(id);
    mailbox.requireVersion(expectedVersion, "mailbox");
    if (!caller.isAdministrator()) {
      if (!caller.owns(mailbox.getOwner())) {
        throw new AccessDenied(
            "Mailbox "
                + id
                + " belongs to someone else; you may change only the credentials of your own"
                + " mailbox.");
      }
      requireOnlyCredentialsChanged(mailbox, settings);
      rules.enforce(settings);
      mailbox.changeCredentials(
          settings.username(), settings.password(), settings.allowCredentialUse());
      auditor.record("credentials-changed", AUDIT_TYPE, id, summary(mailbox, settings));
      return mailbox;
    }
    List<Violation> found = new ArrayList<>();
    EmailServerProfile profile = profile(settings.profileId(), "profileId", found);
    found.addAll(mailbox.violationsOf(settings, profile));
    addresses.conflictFor("email", settings.email(), mailbox).ifPresent(found::add);
    if (Boolean.TRUE.equals(settings.copyToSentFolder())
        && profile != null
        && profile.getServerType().incoming() != MailProtocol.IMAP) {
      found.add(
          new Violation(
              "copyToSentFolder",
              "a copy into the Sent folder needs an IMAP server; the profile "
                  + profile.getName()
                  + " reads email over POP3, which has no folders"));
    }
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
    List<Mailbox> selected =
        change.mailboxIds() == null ? List.of() : existing(change.mailboxIds(), found);
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

  /** Approves the email address of a mailbox so that it may process email. */
  @RolesAllowed({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME})
  public Mailbox approve(long id) {
    Mailbox mailbox = find(id);
    mailbox.approve(actor.name(), clock.instant());
    auditor.record(
        "approved",
        AUDIT_TYPE,
        id,
        "mailbox '" + mailbox.getName() + "' <" + mailbox.getEmail() + ">");
    return mailbox;
  }

  /**
   * Turns the protocol trace of a mailbox on or off: its next connections log their dialogue with
   * the mail server (credentials redacted) under {@code org.syncpost.mailserver.trace}.
   */
  @RolesAllowed(Role.ADMINISTRATOR_NAME)
  public Mailbox traceProtocol(long id, boolean on) {
    Mailbox mailbox = find(id);
    mailbox.traceProtocol(on);
    auditor.record(
        on ? "protocol-trace-on" : "protocol-trace-off",
        AUDIT_TYPE,
        id,
        "mailbox '" + mailbox.getName() + "'");
    return mailbox;
  }

  /** Rejects the email address of a mailbox: it stops processing email until approved. */
  @RolesAllowed({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME})
  public Mailbox reject(long id) {
    Mailbox mailbox = find(id);
    mailbox.reject(actor.name(), clock.instant());
    auditor.record(
        "rejected",
        AUDIT_TYPE,
        id,
        "mailbox '" + mailbox.getName() + "' <" + mailbox.getEmail() + ">");
    return mailbox;
  }

  /**
   * The guide's "Apply default email settings": the organisation's default profile and delivery
   * methods for every selected mailbox, all or none. Testing and enabling them is a separate step.
   */
  @RolesAllowed(Role.ADMINISTRATOR_NAME)
  public List<Mailbox> applyDefaultSettings(List<Long> mailboxIds) {
    OrganisationSettings defaults = organisation();
    EmailServerProfile defaultProfile =
        defaults.getDefaultProfileId() == null
            ? null
            : em.find(EmailServerProfile.class, defaults.getDefaultProfileId());
    List<Violation> found = new ArrayList<>();
    if (defaultProfile == null) {
      found.add(
          new Violation(
              "defaultProfileId",
              "the organisation has no default email server profile; set one in the email settings first"));
    }
    if (mailboxIds == null || mailboxIds.isEmpty()) {
      found.add(new Violation("mailboxIds", "select at least one mailbox"));
    }
    List<Mailbox> selected = mailboxIds == null ? List.of() : existing(mailboxIds, found);
    if (!found.isEmpty()) {
      throw new InvalidInput(found);
    }
    for (Mailbox mailbox : selected) {
      mailbox.useDeliveryMethods(
          defaultProfile,
          defaults.getIncomingDeliveryMethod(),
          defaults.getOutgoingDeliveryMethod(),
          defaults.getAppointmentsDeliveryMethod());
      auditor.record(
          "default-settings-applied",
          AUDIT_TYPE,
          mailbox.getId(),
          "profile '" + defaultProfile.getName() + "' (" + selected.size() + " mailboxes)");
    }
    return selected;
  }

  /** At most this many mailboxes are looked at by {@link #stillNeeded}: a page, not a table. */
  public static final int MOST_LOOKED_AT = 200;

  /**
   * What the mailboxes still lack before test &amp; enable can pass — credentials, the owner's
   * permission to use them, approval — with the organisation's default profile ({@code
   * withDefaultProfile}, as "apply default settings" would give them) or their own; only those that
   * lack something, of the first {@value #MOST_LOOKED_AT}. Ids of mailboxes that no longer exist
   * are left out.
   */
  @RolesAllowed({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME})
  public List<StillNeeded> stillNeeded(List<Long> mailboxIds, boolean withDefaultProfile) {
    OrganisationSettings organisation = organisation();
    EmailServerProfile defaultProfile =
        !withDefaultProfile || organisation.getDefaultProfileId() == null
            ? null
            : em.find(EmailServerProfile.class, organisation.getDefaultProfileId());
    List<StillNeeded> lacking = new ArrayList<>();
    for (Long id : mailboxIds.subList(0, Math.min(mailboxIds.size(), MOST_LOOKED_AT))) {
      Mailbox mailbox = em.find(Mailbox.class, id);
      if (mailbox == null) {
        continue;
      }
      StillNeeded needs =
          StillNeeded.of(
              mailbox, withDefaultProfile ? defaultProfile : mailbox.getProfile(), organisation);
      if (!needs.isReady()) {
        lacking.add(needs);
      }
    }
    return lacking;
  }

  private List<Mailbox> existing(List<Long> mailboxIds, List<Violation> found) {
    List<Mailbox> selected = new ArrayList<>();
    for (Long mailboxId : mailboxIds) {
      Mailbox mailbox = mailboxId == null ? null : em.find(Mailbox.class, mailboxId);
      if (mailbox == null) {
        found.add(new Violation("mailboxIds", "there is no mailbox with id " + mailboxId));
      } else {
        selected.add(mailbox);
      }
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
            && settings.incomingDeliveryMethod() == mailbox.getDelivery().getIncoming()
            && settings.outgoingDeliveryMethod() == mailbox.getDelivery().getOutgoing()
            && settings.appointmentsDeliveryMethod() == mailbox.getDelivery().getAppointments()
            && Objects.equals(
                settings.processEmailReceivedAfter(),
                mailbox.getHandling().getProcessEmailReceivedAfter())
            && Boolean.TRUE.equals(settings.copyToSentFolder())
                == mailbox.getHandling().isCopyToSentFolder()
            && Objects.equals(settings.sentFolder(), mailbox.getHandling().getSentFolder())
            && (settings.pushIncomingEmail() == null
                || settings.pushIncomingEmail() == mailbox.getPush().getSetting())
            && settings.actionAfterProcessing() == mailbox.getHandling().getActionAfterProcessing()
            && Objects.equals(settings.moveToFolder(), mailbox.getHandling().getMoveToFolder())
            && Objects.equals(settings.folders(), mailbox.getHandling().getFolders());
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
