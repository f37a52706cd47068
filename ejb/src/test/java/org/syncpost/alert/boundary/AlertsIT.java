package org.syncpost.alert.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.container.UniqueNames.unique;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.alert.control.ProfileOwnerEscalation;
import org.syncpost.alert.entity.Alert;
import org.syncpost.alert.entity.AlertFilter;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.alert.entity.AlertNotice;
import org.syncpost.container.AsAdministrator;
import org.syncpost.directory.boundary.Users;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.entity.DeliveryChange;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.profile.entity.ProfileSettings;
import org.syncpost.profile.entity.ProfileSettingsBuilder;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.settings.entity.EmailSettings;
import org.syncpost.settings.entity.EmailSettingsBuilder;

/**
 * Alerts raised as background work raises them: straight on the facade, without a caller. Reading
 * and dismissing go through an administrator.
 */
@ExtendWith(ArquillianExtension.class)
class AlertsIT {

  @Inject AsAdministrator admin;
  @Inject Alerts alerts;
  @Inject Users users;
  @Inject Profiles profiles;
  @Inject Mailboxes mailboxes;
  @Inject Settings settings;

  private User newUser() throws Exception {
    String name = unique("olga");
    return admin.call(
        () -> users.create(new UserDetails(name, name + "@example.org", Set.of()), null));
  }

  private long newMailbox() throws Exception {
    User user = newUser();
    return admin.call(() -> users.mailboxIdOf(users.find(user.getId())).orElseThrow());
  }

  /** A profile that alerts its owner on failures, with four mailboxes. */
  private List<Long> mailboxesOfWatchedProfile(long ownerId, List<Long> profileId)
      throws Exception {
    long id = admin.call(() -> profiles.create(watchedProfile(unique("watched"), ownerId))).getId();
    profileId.add(id);
    List<Long> mailboxIds = List.of(newMailbox(), newMailbox(), newMailbox(), newMailbox());
    admin.call(
        () ->
            mailboxes.changeDelivery(
                new DeliveryChange(
                    mailboxIds,
                    id,
                    DeliveryMethod.SERVER_SIDE_SYNC,
                    DeliveryMethod.SERVER_SIDE_SYNC,
                    DeliveryMethod.NONE)));
    return mailboxIds;
  }

  private static ProfileSettings watchedProfile(String name, long ownerId) {
    return ProfileSettingsBuilder.entered(name).alertOwnerOnFailures(true).ownerId(ownerId).build();
  }

  private static AlertNotice timeout(long mailboxId) {
    return AlertNotice.aboutMailbox(
        AlertLevel.WARNING,
        "incoming-timeout",
        mailboxId,
        "The IMAP server did not answer within 30 seconds.",
        "SyncPost tries again in 5 minutes; if it keeps failing, check the server.",
        "connect imap.example.org:993 timed out");
  }

  private static AlertNotice authenticationFailed(long mailboxId) {
    return AlertNotice.aboutMailbox(
            AlertLevel.ERROR,
            "incoming-authentication-failed",
            mailboxId,
            "The IMAP server refused the mailbox's user name and password.",
            "Correct the credentials, then test & enable the mailbox.",
            "NO [AUTHENTICATIONFAILED]")
        .alsoToProfileOwner();
  }

  private List<Alert> openAlertsOfMailbox(long mailboxId) throws Exception {
    return admin.call(
        () -> alerts.list(new AlertFilter(mailboxId, null, null, false, false), 0, 100));
  }

  @Test
  void theSameAlertRaisedThreeTimesIsOneAlertCountedThreeTimes() throws Exception {
    long mailboxId = newMailbox();

    alerts.raise(timeout(mailboxId));
    alerts.raise(timeout(mailboxId));
    alerts.raise(timeout(mailboxId));

    assertThat(openAlertsOfMailbox(mailboxId))
        .extracting(a -> a.getCode() + " x" + a.getCount())
        .containsExactly("incoming-timeout x3");
  }

  @Test
  void aDismissedAlertRaisedAgainIsANewAlert() throws Exception {
    long mailboxId = newMailbox();
    Alert first = alerts.raise(timeout(mailboxId));
    alerts.raise(timeout(mailboxId));
    admin.call(() -> alerts.dismiss(first.getId()));

    Alert again = alerts.raise(timeout(mailboxId));

    List<Alert> all =
        admin.call(() -> alerts.list(new AlertFilter(mailboxId, null, null, true, false), 0, 100));
    assertThat(all)
        .extracting(a -> a.getId() + " x" + a.getCount() + " dismissed=" + a.isDismissed())
        .containsExactly(
            again.getId() + " x1 dismissed=false", first.getId() + " x2 dismissed=true");
  }

  @Test
  void theSameAlertRaisedByEightThreadsAtOnceIsOneAlertCountedEightTimes() throws Exception {
    long mailboxId = newMailbox();
    ManagedExecutorService executor =
        InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Alert>> raised = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      raised.add(
          executor.submit(
              () -> {
                go.await();
                return alerts.raise(timeout(mailboxId));
              }));
    }
    go.countDown();
    for (Future<Alert> alert : raised) {
      alert.get(60, TimeUnit.SECONDS);
    }

    assertThat(openAlertsOfMailbox(mailboxId))
        .extracting(a -> a.getCode() + " x" + a.getCount())
        .containsExactly("incoming-timeout x8");
  }

  @Test
  void theProfileOwnerIsAlertedWhenThreeOfFourMailboxesFail() throws Exception {
    User owner = newUser();
    List<Long> profile = new ArrayList<>();
    List<Long> mailboxIds = mailboxesOfWatchedProfile(owner.getId(), profile);

    for (long failed : mailboxIds.subList(0, 3)) {
      alerts.raise(authenticationFailed(failed));
    }

    List<Alert> profileAlerts =
        admin.call(
            () -> alerts.list(new AlertFilter(null, profile.get(0), null, false, false), 0, 100));
    assertThat(profileAlerts)
        .extracting(
            a ->
                a.getLevel()
                    + " "
                    + a.getCode()
                    + " to "
                    + a.getProfileOwnerId()
                    + " about mailbox "
                    + a.getMailboxId())
        .containsExactly(
            "ERROR "
                + ProfileOwnerEscalation.CODE
                + " to "
                + owner.getId()
                + " about mailbox null");
  }

  @Test
  void theProfileOwnerIsNotAlertedWhenTwoOfFourMailboxesFail() throws Exception {
    User owner = newUser();
    List<Long> profile = new ArrayList<>();
    List<Long> mailboxIds = mailboxesOfWatchedProfile(owner.getId(), profile);

    for (long failed : mailboxIds.subList(0, 2)) {
      alerts.raise(authenticationFailed(failed));
    }

    assertThat(
            admin.call(
                () -> alerts.count(new AlertFilter(null, profile.get(0), null, false, false))))
        .isZero();
  }

  @Test
  void aMailboxErrorReachesTheMailboxOwnerAndTheProfileOwner() throws Exception {
    User owner = newUser();
    List<Long> profile = new ArrayList<>();
    long mailboxId = mailboxesOfWatchedProfile(owner.getId(), profile).get(0);
    long mailboxOwnerId = admin.call(() -> mailboxes.find(mailboxId)).getOwner().getId();

    Alert alert = alerts.raise(authenticationFailed(mailboxId));

    assertThat(alert.getMailboxOwnerId() + " " + alert.getProfileOwnerId())
        .isEqualTo(mailboxOwnerId + " " + owner.getId());
  }

  @Test
  void levelsTheOrganisationTurnedOffAreNotRaised() throws Exception {
    long mailboxId = newMailbox();
    EmailSettings before = admin.call(() -> settings.current().asEmailSettings());
    admin.call(() -> settings.change(withoutWarnings(before)));
    Alert raised;
    try {
      raised = alerts.raise(timeout(mailboxId));
    } finally {
      admin.call(() -> settings.change(before));
    }

    assertThat(raised).isNull();
    assertThat(openAlertsOfMailbox(mailboxId)).isEmpty();
  }

  private static EmailSettings withoutWarnings(EmailSettings s) {
    return EmailSettingsBuilder.from(s)
        .raiseAlerts(s.raiseInformationAlerts(), false, s.raiseErrorAlerts())
        .build();
  }
}
