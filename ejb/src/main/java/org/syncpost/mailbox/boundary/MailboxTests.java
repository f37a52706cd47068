package org.syncpost.mailbox.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.control.Actor;
import org.syncpost.job.boundary.Jobs;
import org.syncpost.job.entity.ItemResult;
import org.syncpost.job.entity.Job;
import org.syncpost.job.entity.JobKind;
import org.syncpost.job.entity.JobWork;
import org.syncpost.mailbox.control.MailboxTestRun;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.TestStatus;
import org.syncpost.profile.entity.EmailServerProfile;
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

  /** Tests one mailbox now; optionally sends the mailbox a "you are connected" message. */
  public Mailbox testAndEnable(long mailboxId, boolean sendConfirmation) {
    if (em.find(Mailbox.class, mailboxId) == null) {
      throw new NotFound("mailbox", mailboxId);
    }
    return run.testAndEnable(mailboxId, actor.name(), sendConfirmation);
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
