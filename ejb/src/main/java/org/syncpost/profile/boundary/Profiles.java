package org.syncpost.profile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Auditor;
import org.syncpost.directory.control.Caller;
import org.syncpost.directory.entity.User;
import org.syncpost.mailserver.control.OAuthDiscovery;
import org.syncpost.mailserver.control.TrustPolicy;
import org.syncpost.profile.control.ProviderPresets;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.OAuthSettings;
import org.syncpost.profile.entity.ProfileDeleted;
import org.syncpost.profile.entity.ProfileInUse;
import org.syncpost.profile.entity.ProfileSettings;
import org.syncpost.profile.entity.ProviderPreset;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.control.Rules;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.Violation;

/** Email server profiles: how SyncPost reaches the organisation's mail servers. */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class Profiles {

  static final String AUDIT_TYPE = "profile";

  @PersistenceContext EntityManager em;
  @Inject Rules rules;
  @Inject Auditor auditor;
  @Inject Event<ProfileDeleted> deleted;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject OAuthDiscovery discovery;
  @Inject ProviderPresets presets;

  @RolesAllowed({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME})
  public List<EmailServerProfile> list(int offset, int limit) {
    return em.createNamedQuery(EmailServerProfile.ALL, EmailServerProfile.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @RolesAllowed({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME})
  public long count() {
    return em.createNamedQuery(EmailServerProfile.COUNT, Long.class).getSingleResult();
  }

  @RolesAllowed({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME})
  public EmailServerProfile find(long id) {
    EmailServerProfile profile = em.find(EmailServerProfile.class, id);
    if (profile == null) {
      throw new NotFound("email server profile", id);
    }
    return profile;
  }

  /** The mail providers a new profile can start from (issue 15). */
  public List<ProviderPreset> presets() {
    return presets.all();
  }

  public EmailServerProfile create(ProfileSettings requested) {
    ProfileSettings settings = requested.withDefaults(clock.instant());
    EmailServerProfile profile = new EmailServerProfile();
    User owner = checked(profile, settings);
    profile.configure(settings, owner != null ? owner : caller.user().orElse(null));
    em.persist(profile);
    em.flush();
    auditor.record("created", AUDIT_TYPE, profile.getId(), "profile '" + profile.getName() + "'");
    return profile;
  }

  /**
   * As {@link #create(ProfileSettings)}, from a provider preset whose settings the request's were
   * filled with: the preset's OAuth endpoints and scopes are kept, for its client to be set.
   */
  public EmailServerProfile create(ProfileSettings requested, ProviderPreset preset) {
    EmailServerProfile profile = create(requested);
    profile.startFrom(preset);
    return profile;
  }

  public EmailServerProfile update(long id, ProfileSettings requested) {
    return update(id, requested, null);
  }

  /**
   * As {@link #update(long, ProfileSettings)}, refused if the profile is no longer at {@code
   * expectedVersion}.
   */
  public EmailServerProfile update(long id, ProfileSettings requested, Long expectedVersion) {
    EmailServerProfile profile = find(id);
    profile.requireVersion(expectedVersion, "profile");
    ProfileSettings settings = requested.withDefaults(profile.getProcessEmailFrom());
    User owner = checked(profile, settings);
    profile.configure(settings, owner != null ? owner : profile.getOwner());
    auditor.record(
        "changed",
        AUDIT_TYPE,
        id,
        "profile '"
            + profile.getName()
            + "'"
            + (settings.password() != null ? ", password replaced" : ""));
    return profile;
  }

  /**
   * Sets the OAuth 2.0 client the profile gets access tokens with (issue 15); what is left out
   * ({@code null}, including the client secret and private key) keeps the stored value, and
   * endpoints left empty come from the issuer's OpenID Connect discovery document when an issuer is
   * given. Refused if the profile is no longer at {@code expectedVersion}.
   */
  public EmailServerProfile configureOAuth(
      long id, OAuthSettings.Input given, Long expectedVersion) {
    EmailServerProfile profile = find(id);
    profile.requireVersion(expectedVersion, "profile");
    OAuthSettings.Input input =
        given.needsDiscovery() ? given.discovered(discovery.discover(given.issuer())) : given;
    rules.enforce(input, profile.oauthViolationsOf(input));
    profile.configureOAuth(input);
    auditor.record(
        "changed",
        AUDIT_TYPE,
        id,
        "profile '"
            + profile.getName()
            + "', OAuth client "
            + input.clientId()
            + " ("
            + input.grant()
            + ")"
            + (input.clientSecret() != null ? ", client secret replaced" : "")
            + (input.privateKey() != null ? ", private key replaced" : ""));
    return profile;
  }

  /** Deletes a profile that no mailbox uses; else {@link ProfileInUse} with their number. */
  public void delete(long id) {
    delete(id, null);
  }

  /**
   * Deletes a profile; its mailboxes move to the profile {@code moveMailboxesTo} (keeping their
   * delivery methods). Without one, a profile that mailboxes use is refused ({@link ProfileInUse}).
   */
  public void delete(long id, Long moveMailboxesTo) {
    delete(id, moveMailboxesTo, null);
  }

  /**
   * As {@link #delete(long, Long)}, refused if the profile is no longer at {@code expectedVersion}.
   */
  public void delete(long id, Long moveMailboxesTo, Long expectedVersion) {
    EmailServerProfile profile = find(id);
    profile.requireVersion(expectedVersion, "profile");
    EmailServerProfile replacement = null;
    if (moveMailboxesTo != null) {
      replacement = em.find(EmailServerProfile.class, moveMailboxesTo);
      if (replacement == null || replacement.getId().equals(profile.getId())) {
        throw InvalidInput.of(
            "moveMailboxesTo",
            "must be the id of another existing profile, not " + moveMailboxesTo);
      }
    }
    deleted.fire(new ProfileDeleted(profile, replacement));
    em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID)
        .forgetDefaultProfile(profile.getId());
    em.remove(profile);
    auditor.record("deleted", AUDIT_TYPE, id, "profile '" + profile.getName() + "'");
  }

  private User checked(EmailServerProfile profile, ProfileSettings settings) {
    OrganisationSettings organisation =
        em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
    List<Violation> found =
        new ArrayList<>(profile.violationsOf(settings, organisation.isAllowNonSslEmail()));
    if (settings.name() != null && nameTakenByAnother(settings.name().strip(), profile)) {
      found.add(
          new Violation(
              "name",
              "another profile is already called '"
                  + settings.name().strip()
                  + "'; choose another name"));
    }
    checkTrustedCertificates(settings.trustedCertificatesPem(), found);
    User owner = null;
    if (settings.ownerId() != null) {
      owner = em.find(User.class, settings.ownerId());
      if (owner == null) {
        found.add(new Violation("ownerId", "there is no user with id " + settings.ownerId()));
      }
    }
    rules.enforce(settings, found);
    return owner;
  }

  /** A private CA bundle is read at save, not first at a connection that then fails. */
  private static void checkTrustedCertificates(String pem, List<Violation> found) {
    if (pem == null || pem.isBlank()) {
      return;
    }
    try {
      TrustPolicy.certificatesIn(pem);
    } catch (IllegalArgumentException unreadable) {
      found.add(
          new Violation(
              "trustedCertificatesPem",
              unreadable.getMessage()
                  + "; paste the CA certificates as PEM text, each from '-----BEGIN CERTIFICATE-----'"
                  + " to '-----END CERTIFICATE-----'"));
    }
  }

  private boolean nameTakenByAnother(String name, EmailServerProfile profile) {
    return em.createNamedQuery(EmailServerProfile.NAMED, EmailServerProfile.class)
        .setParameter("name", name)
        .getResultStream()
        .anyMatch(other -> !other.getId().equals(profile.getId()));
  }
}
