package org.syncpost.mailbox.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Actor;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.job.boundary.Jobs;
import org.syncpost.job.entity.ItemResult;
import org.syncpost.job.entity.Job;
import org.syncpost.job.entity.JobKind;
import org.syncpost.job.entity.JobWork;
import org.syncpost.mailbox.control.Endpoints;
import org.syncpost.mailbox.control.MailboxTestRun;
import org.syncpost.mailbox.entity.ConnectionCheck;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.TestStatus;
import org.syncpost.mailserver.control.ConnectionTester;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.MailServerFailure;
import org.syncpost.mailserver.entity.TestOutcome;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.ProfileSettings;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.control.Rules;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.Violation;

/**
 * Test & enable: one mailbox while the administrator waits, several mailboxes or all mailboxes of a
 * profile as a background job. No transaction is held while mail servers are contacted.
 */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailboxTests {

  @PersistenceContext EntityManager em;
  @Inject MailboxTestRun run;
  @Inject Jobs jobs;
  @Inject Mailboxes mailboxes;
  @Inject Actor actor;
  @Inject Endpoints endpoints;
  @Inject ConnectionTester tester;
  @Inject Rules rules;
  @Inject Clock clock;

  /** Tests one mailbox now; optionally sends the mailbox a "you are connected" message. */
  public Mailbox testAndEnable(long mailboxId, boolean sendConfirmation) {
    if (em.find(Mailbox.class, mailboxId) == null) {
      throw new NotFound("mailbox", mailboxId);
    }
    return run.testAndEnable(mailboxId, actor.name(), sendConfirmation);
  }

  /**
   * "Test connection" on the profile form, before or without saving: signs in to the incoming and
   * the outgoing server with the settings as entered (a password left empty is the stored one of
   * profile {@code profileId}), the same test test &amp; enable runs, without a mailbox and without
   * storing anything.
   *
   * @param profileId the profile being edited, or {@code null} for a new one
   * @param testUsername a mailbox's user name to test with when the profile signs in with each
   *     mailbox's credentials, else {@code null}
   * @param testPassword its password, else {@code null}
   * @throws InvalidInput when the settings could not be saved either (no host, bad port, …)
   */
  public ConnectionCheck testProfileConnection(
      ProfileSettings entered, Long profileId, String testUsername, Secret testPassword) {
    ProfileSettings settings = entered.withDefaults(clock.instant());
    // without a transaction (NOT_SUPPORTED), a found profile is detached: configuring it changes
    // only this copy
    EmailServerProfile profile =
        profileId == null ? new EmailServerProfile() : em.find(EmailServerProfile.class, profileId);
    if (profile == null) {
      throw new NotFound("email server profile", profileId);
    }
    OrganisationSettings organisation =
        em.find(OrganisationSettings.class, OrganisationSettings.THE_ONLY_ID);
    rules.enforce(
        settings,
        new ArrayList<>(profile.violationsOf(settings, organisation.isAllowNonSslEmail())));
    profile.configure(settings, null);
    return new ConnectionCheck(
        test(profile, false, organisation, testUsername, testPassword),
        test(profile, true, organisation, testUsername, testPassword));
  }

  private TestOutcome test(
      EmailServerProfile profile,
      boolean outgoing,
      OrganisationSettings organisation,
      String testUsername,
      Secret testPassword) {
    Endpoint endpoint;
    try {
      endpoint = endpoints.ofProfile(profile, outgoing, organisation, testUsername, testPassword);
    } catch (MailServerFailure failure) {
      return TestOutcome.failed(failure);
    }
    return outgoing
        ? tester.testOutgoing(endpoint, Optional.empty())
        : tester.testIncoming(endpoint, List.of("INBOX"));
  }

  /** Tests the selected mailboxes in the background; the job reports progress and results. */
  public Job testAndEnable(List<Long> mailboxIds) {
    requireExisting(mailboxIds);
    return jobs.start(JobKind.TEST_AND_ENABLE_MAILBOXES, mailboxIds, work(actor.name()));
  }

  /** Tests every active mailbox of a profile in the background. */
  public Job testAndEnableProfile(long profileId) {
    EmailServerProfile profile = em.find(EmailServerProfile.class, profileId);
    if (profile == null) {
      throw new NotFound("email server profile", profileId);
    }
    List<Long> ids =
        em.createQuery(
                "select m.id from Mailbox m where m.profile = :profile and m.active = true order by m.id",
                Long.class)
            .setParameter("profile", profile)
            .getResultList();
    return jobs.start(JobKind.TEST_AND_ENABLE_PROFILE, ids, work(actor.name()));
  }

  /** The guide's "Apply default email settings" with "test & enable" checked. */
  public Job applyDefaultSettingsAndTest(List<Long> mailboxIds) {
    mailboxes.applyDefaultSettings(mailboxIds);
    return jobs.start(JobKind.APPLY_DEFAULT_SETTINGS, mailboxIds, work(actor.name()));
  }

  private static String inWords(TestStatus status) {
    return switch (status) {
      case SUCCESS -> "test succeeded";
      case FAILURE -> "test failed";
      case NOT_RUN -> "not tested";
    };
  }

  private JobWork work(String requestedBy) {
    return mailboxId -> {
      Mailbox tested = run.testAndEnable(mailboxId, requestedBy, false);
      // read by people on the job page: words, not TestStatus constants
      String summary =
          "incoming "
              + inWords(tested.getIncoming().getStatus())
              + ", outgoing "
              + inWords(tested.getOutgoing().getStatus());
      boolean failed =
          tested.getIncoming().getStatus() == TestStatus.FAILURE
              || tested.getOutgoing().getStatus() == TestStatus.FAILURE;
      if (failed) {
        return ItemResult.failed(summary + ": " + tested.getLastError().getText());
      }
      if (!tested.getIncoming().isEnabled() && !tested.getOutgoing().isEnabled()) {
        return ItemResult.skipped(
            summary + "; not enabled (email address not approved, or nothing to process)");
      }
      return ItemResult.succeeded(summary + "; enabled");
    };
  }

  private void requireExisting(List<Long> mailboxIds) {
    List<Violation> found = new ArrayList<>();
    if (mailboxIds == null || mailboxIds.isEmpty()) {
      found.add(new Violation("mailboxIds", "select at least one mailbox"));
    } else {
      mailboxIds.stream()
          .filter(id -> id == null || em.find(Mailbox.class, id) == null)
          .forEach(
              id -> found.add(new Violation("mailboxIds", "there is no mailbox with id " + id)));
    }
    if (!found.isEmpty()) {
      throw new InvalidInput(found);
    }
  }
}
