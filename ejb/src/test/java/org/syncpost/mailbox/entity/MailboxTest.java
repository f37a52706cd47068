package org.syncpost.mailbox.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncpost.access.entity.Role;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.QueueDetails;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.ServerType;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.settings.entity.EmailSettingsBuilder;
import org.syncpost.settings.entity.IncomingFilter;
import org.syncpost.settings.entity.OrganisationSettings;
import org.syncpost.validation.entity.StaleVersion;
import org.syncpost.validation.entity.Violation;

class MailboxTest {

  private final User alice =
      new User(new UserDetails("alice", "alice@example.com", Set.of(Role.MAILBOX_OWNER)));
  private final User bob =
      new User(new UserDetails("bob", "bob@example.com", Set.of(Role.MAILBOX_OWNER)));
  private final Queue support =
      new Queue(
          new QueueDetails("Support", "support@example.com", null, IncomingFilter.ALL_EMAIL), bob);

  private static OrganisationSettings organisation(boolean approveUsers, boolean approveQueues) {
    return EmailSettingsBuilder.defaults()
        .outgoingDeliveryMethod(DeliveryMethod.NONE)
        .requireApproval(approveUsers, approveQueues)
        .organisation();
  }

  private static OrganisationSettings noApproval() {
    return organisation(false, false);
  }

  private static MailboxSettings settings(
      ActionAfterProcessing action, String moveTo, DeliveryMethod appointments) {
    return new MailboxSettings(
        "Alice",
        "alice@example.com",
        null,
        DeliveryMethod.SERVER_SIDE_SYNC,
        DeliveryMethod.SERVER_SIDE_SYNC,
        appointments,
        null,
        null,
        true,
        null,
        action,
        moveTo,
        "INBOX",
        false,
        null,
        null);
  }

  private static MailboxSettings withFolders(String folders) {
    return new MailboxSettings(
        "Alice",
        "alice@example.com",
        null,
        DeliveryMethod.NONE,
        DeliveryMethod.NONE,
        DeliveryMethod.NONE,
        null,
        null,
        false,
        null,
        ActionAfterProcessing.NONE,
        null,
        folders,
        false,
        null,
        null);
  }

  /** Entities get their id from the database; a unit test gives one by hand. */
  private static EmailServerProfile profileWithId(long id) {
    EmailServerProfile profile = new EmailServerProfile();
    try {
      Field field = EmailServerProfile.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(profile, id);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return profile;
  }

  private static EmailServerProfile pop3Profile() {
    EmailServerProfile profile = new EmailServerProfile();
    try {
      Field field = EmailServerProfile.class.getDeclaredField("serverType");
      field.setAccessible(true);
      field.set(profile, ServerType.POP3_SMTP);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return profile;
  }

  @Test
  void markingReadIsRefusedOverPop3() {
    Mailbox mailbox = Mailbox.of(support, noApproval(), null);

    assertThat(
            fieldsOf(
                mailbox.violationsOf(
                    settings(ActionAfterProcessing.MARK_READ, null, DeliveryMethod.NONE),
                    pop3Profile())))
        .containsExactly("actionAfterProcessing");
  }

  @Test
  void deletingIsAllowedOverPop3ForAQueue() {
    Mailbox mailbox = Mailbox.of(support, noApproval(), null);

    assertThat(
            mailbox.violationsOf(
                settings(ActionAfterProcessing.DELETE, null, DeliveryMethod.NONE), pop3Profile()))
        .isEmpty();
  }

  @Test
  void movingNeedsAFolderAndAFolderNeedsMoving() {
    Mailbox mailbox = Mailbox.of(alice, noApproval(), null);

    assertThat(
            fieldsOf(
                mailbox.violationsOf(
                    settings(ActionAfterProcessing.MOVE_TO, " ", DeliveryMethod.NONE), null)))
        .containsExactly("moveToFolder");
    assertThat(
            fieldsOf(
                mailbox.violationsOf(
                    settings(ActionAfterProcessing.MARK_READ, "Done", DeliveryMethod.NONE), null)))
        .containsExactly("moveToFolder");
  }

  @Test
  void movingToANamedFolderIsKept() {
    Mailbox mailbox = Mailbox.of(alice, noApproval(), null);

    mailbox.reconfigure(
        settings(ActionAfterProcessing.MOVE_TO, " Processed ", DeliveryMethod.NONE), null, false);

    assertThat(
            mailbox.getHandling().getActionAfterProcessing()
                + " "
                + mailbox.getHandling().getMoveToFolder())
        .isEqualTo("MOVE_TO Processed");
  }

  private static List<String> fieldsOf(List<Violation> violations) {
    return violations.stream().map(Violation::field).toList();
  }

  @Test
  void userMailboxStartsWithTheOrganisationDefaults() {
    EmailServerProfile defaultProfile = new EmailServerProfile();

    Mailbox mailbox = Mailbox.of(alice, organisation(false, false), defaultProfile);

    assertThat(mailbox)
        .extracting(
            Mailbox::getProfile,
            m -> m.getDelivery().getIncoming(),
            m -> m.getDelivery().getOutgoing(),
            m -> m.getDelivery().getAppointments(),
            Mailbox::getEmail,
            Mailbox::getOwner,
            Mailbox::getRegardingUser)
        .containsExactly(
            defaultProfile,
            DeliveryMethod.SERVER_SIDE_SYNC,
            DeliveryMethod.NONE,
            DeliveryMethod.NONE,
            "alice@example.com",
            alice,
            alice);
  }

  @Test
  void userMailboxAwaitsApprovalWhenUserEmailNeedsApproval() {
    Mailbox mailbox = Mailbox.of(alice, organisation(true, false), null);

    assertThat(mailbox.getApproval().getStatus()).isEqualTo(ApprovalStatus.PENDING);
  }

  @Test
  void userMailboxHasNoApprovalStatusWhenOnlyQueueEmailNeedsApproval() {
    Mailbox mailbox = Mailbox.of(alice, organisation(false, true), null);

    assertThat(mailbox.getApproval().getStatus()).isEqualTo(ApprovalStatus.EMPTY);
  }

  @Test
  void queueMailboxIsOwnedByTheQueueOwner() {
    Mailbox mailbox = Mailbox.of(support, noApproval(), null);

    assertThat(mailbox)
        .extracting(Mailbox::getOwner, Mailbox::getRegardingQueue, Mailbox::getEmail)
        .containsExactly(bob, support, "support@example.com");
  }

  @Test
  void queueMailboxAwaitsApprovalWhenQueueEmailNeedsApproval() {
    Mailbox mailbox = Mailbox.of(support, organisation(false, true), null);

    assertThat(mailbox.getApproval().getStatus()).isEqualTo(ApprovalStatus.PENDING);
  }

  @Test
  void newMailboxReadsTheInbox() {
    assertThat(Mailbox.of(alice, noApproval(), null).getHandling().folderList())
        .containsExactly("INBOX");
  }

  @Test
  void readdressingToAnotherAddressAsksForApprovalAgain() {
    Mailbox mailbox = Mailbox.of(alice, noApproval(), null);

    mailbox.readdress("alice.smith@example.com", true);

    assertThat(mailbox.getApproval().getStatus()).isEqualTo(ApprovalStatus.PENDING);
  }

  @Test
  void readdressingToTheSameAddressInAnotherCaseKeepsTheApprovalStatus() {
    Mailbox mailbox = Mailbox.of(alice, noApproval(), null);

    mailbox.readdress("Alice@EXAMPLE.com", true);

    assertThat(mailbox.getApproval().getStatus()).isEqualTo(ApprovalStatus.EMPTY);
  }

  @Test
  void deletingProcessedEmailIsRefusedForAUserMailbox() {
    Mailbox mailbox = Mailbox.of(alice, noApproval(), null);

    assertThat(
            fieldsOf(
                mailbox.violationsOf(
                    settings(ActionAfterProcessing.DELETE, null, DeliveryMethod.NONE), null)))
        .containsExactly("actionAfterProcessing");
  }

  @Test
  void deletingProcessedEmailIsAllowedForAQueueMailbox() {
    Mailbox mailbox = Mailbox.of(support, noApproval(), null);

    assertThat(
            mailbox.violationsOf(
                settings(ActionAfterProcessing.DELETE, null, DeliveryMethod.NONE), null))
        .isEmpty();
  }

  @Test
  void appointmentsSyncIsRefused() {
    Mailbox mailbox = Mailbox.of(alice, noApproval(), null);

    assertThat(
            fieldsOf(
                mailbox.violationsOf(
                    settings(ActionAfterProcessing.NONE, null, DeliveryMethod.SERVER_SIDE_SYNC),
                    null)))
        .containsExactly("appointmentsDeliveryMethod");
  }

  @Test
  void changingCredentialsWithoutAPasswordKeepsTheStoredOne() {
    Mailbox mailbox = Mailbox.of(alice, noApproval(), null);
    Secret stored = Secret.of("s3cret");
    mailbox.changeCredentials("alice", stored, true);

    mailbox.changeCredentials("alice", null, true);

    assertThat(mailbox.getCredentials().getPassword()).isSameAs(stored);
  }

  @Test
  void blankUsernameIsStoredAsNone() {
    Mailbox mailbox = Mailbox.of(alice, noApproval(), null);
    mailbox.changeCredentials("alice", null, true);

    mailbox.changeCredentials("   ", null, true);

    assertThat(mailbox.getCredentials().getUsername()).isNull();
  }

  @Test
  void folderListIgnoresSpacesAndEmptyNames() {
    Mailbox mailbox = Mailbox.of(alice, noApproval(), null);

    mailbox.reconfigure(withFolders("INBOX, Archive ,,"), null, false);

    assertThat(mailbox.getHandling().folderList()).containsExactly("INBOX", "Archive");
  }

  @Test
  void reconfiguringToAnotherAddressAsksForApprovalAgain() {
    Mailbox mailbox = Mailbox.of(bob, noApproval(), null);

    mailbox.reconfigure(withFolders("INBOX"), null, true);

    assertThat(mailbox)
        .extracting(Mailbox::getEmail, m -> m.getApproval().getStatus())
        .containsExactly("alice@example.com", ApprovalStatus.PENDING);
  }

  @Test
  void approvingRecordsWhoAndWhenAndLetsTheMailboxProcessEmail() {
    OrganisationSettings approvalRequired = organisation(true, true);
    Mailbox mailbox = Mailbox.of(alice, approvalRequired, null);
    java.time.Instant at = java.time.Instant.parse("2026-03-01T10:00:00Z");

    mailbox.approve("carol", at);

    assertThat(
            mailbox.getApproval().getStatus()
                + " "
                + mailbox.getApproval().getDecidedBy()
                + " "
                + mailbox.getApproval().getDecidedOn())
        .isEqualTo("APPROVED carol 2026-03-01T10:00:00Z");
    assertThat(mailbox.isApprovedFor(approvalRequired)).isTrue();
  }

  @Test
  void aPendingMailboxMayNotProcessEmailWhileApprovalIsRequired() {
    assertThat(
            Mailbox.of(alice, organisation(true, true), null)
                .isApprovedFor(organisation(true, true)))
        .isFalse();
  }

  @Test
  void rejectingMakesTheMailboxUnfitForProcessingEvenWithoutRequiredApproval() {
    Mailbox mailbox = Mailbox.of(alice, noApproval(), null);

    mailbox.reject("carol", java.time.Instant.parse("2026-03-01T10:00:00Z"));

    assertThat(mailbox.isApprovedFor(noApproval())).isFalse();
  }

  private static final java.time.Instant T0 = java.time.Instant.parse("2026-11-26T12:00:00Z");

  private Mailbox enabledForIncoming() {
    Mailbox mailbox = Mailbox.of(alice, noApproval(), null);
    mailbox.recordTest(
        new TestReport(TestStatus.SUCCESS, TestStatus.NOT_RUN, null, null), true, "admin", T0);
    return mailbox;
  }

  @Test
  void aTransientIncomingFailureIsRetriedUntilTheRetriesAreUsedUpThenIncomingIsDisabled() {
    Mailbox mailbox = enabledForIncoming();
    java.util.List<Boolean> stillEnabled = new java.util.ArrayList<>();

    for (int attempt = 0; attempt < 4; attempt++) {
      stillEnabled.add(
          mailbox.incomingSyncFailed(
              "timeout", "no answer", true, 3, T0.plusSeconds(300), T0.plusSeconds(1800)));
    }

    assertThat(stillEnabled).containsExactly(true, true, true, false);
    assertThat(mailbox.getIncoming().isEnabled() + " " + mailbox.getIncoming().getStatus())
        .isEqualTo("false FAILURE");
  }

  @Test
  void syncsAskedForBeforeThePlannedRetrySpendNoRetryOfTheBudget() {
    Mailbox mailbox = enabledForIncoming();
    mailbox.incomingSyncStarted(T0);
    mailbox.incomingSyncFailed(
        "timeout", "no answer", true, 3, T0.plusSeconds(300), T0.plusSeconds(1800));
    List<Boolean> stillEnabled = new java.util.ArrayList<>();

    for (int manual = 1; manual <= 10; manual++) {
      java.time.Instant at = T0.plusMillis(30L * manual);
      mailbox.incomingSyncStarted(at);
      stillEnabled.add(
          mailbox.incomingSyncFailed(
              "timeout", "no answer", true, 3, at.plusSeconds(300), at.plusSeconds(1800)));
    }

    assertThat(stillEnabled).containsOnly(true);
    assertThat(mailbox.getHealth().getTransientFailures()).isEqualTo(1);
    assertThat(mailbox.getHealth().getNextPollAt()).isEqualTo(T0.plusSeconds(300));
  }

  @Test
  void aPermanentIncomingFailureDisablesIncomingAtOnce() {
    Mailbox mailbox = enabledForIncoming();

    boolean stillEnabled =
        mailbox.incomingSyncFailed(
            "authentication-failed", "refused", false, 10, T0, T0.plusSeconds(1800));

    assertThat(
            stillEnabled
                + " "
                + mailbox.getIncoming().isEnabled()
                + " "
                + mailbox.getLastError().getCode())
        .isEqualTo("false false authentication-failed");
  }

  @Test
  void aMailboxTheErrorPolicyDisabledIsRetestedWhenDueAndEnabledWhenItPasses() {
    Mailbox mailbox = enabledForIncoming();
    mailbox.incomingSyncFailed(
        "authentication-failed", "refused", false, 10, T0, T0.plusSeconds(1800));

    boolean dueEarly = mailbox.isIncomingRetestDue(T0.plusSeconds(1799));
    boolean dueThen = mailbox.isIncomingRetestDue(T0.plusSeconds(1800));
    mailbox.incomingRetestPassed(T0.plusSeconds(1801));

    assertThat(
            List.of(
                dueEarly,
                dueThen,
                mailbox.getIncoming().isEnabled(),
                mailbox.isIncomingRetestDue(T0.plusSeconds(99_999))))
        .containsExactly(false, true, true, false);
  }

  @Test
  void aMailboxAnAdministratorsTestDisabledIsNeverRetestedAutomatically() {
    Mailbox mailbox = enabledForIncoming();
    mailbox.incomingSyncFailed(
        "authentication-failed", "refused", false, 10, T0, T0.plusSeconds(1800));

    mailbox.recordTest(
        new TestReport(TestStatus.FAILURE, TestStatus.NOT_RUN, "authentication-failed", "no"),
        true,
        "admin",
        T0.plusSeconds(60));

    assertThat(mailbox.isIncomingRetestDue(T0.plusSeconds(99_999))).isFalse();
  }

  @Test
  void aSuccessfulCycleForgetsEarlierErrorsAndPlansTheNextPoll() {
    Mailbox mailbox = enabledForIncoming();
    mailbox.incomingSyncFailed(
        "timeout", "no answer", true, 3, T0.plusSeconds(300), T0.plusSeconds(1800));

    mailbox.incomingSyncSucceeded(7, 1, T0.plusSeconds(400), T0.plusSeconds(460));

    assertThat(
            java.util.List.of(
                mailbox.getLastError().getConsecutive(),
                mailbox.getHealth().getTransientFailures(),
                mailbox.getHealth().getItemsProcessedLastCycle(),
                mailbox.getHealth().getItemsFailedLastCycle()))
        .containsExactly(0, 0, 7, 1);
    assertThat(mailbox.isDueForIncoming(T0.plusSeconds(459))).isFalse();
    assertThat(mailbox.isDueForIncoming(T0.plusSeconds(460))).isTrue();
  }

  @Test
  void aCycleDuringWhichPushWokeTheMailboxLeavesItDue() {
    Mailbox mailbox = enabledForIncoming();
    mailbox.incomingSyncStarted(T0);
    mailbox.postponeIncoming(T0.plusSeconds(2)); // new mail announced while the cycle runs

    mailbox.incomingSyncSucceeded(1, 0, T0.plusSeconds(5), T0.plusSeconds(3605));

    assertThat(mailbox.isDueForIncoming(T0.plusSeconds(5))).isTrue();
  }

  @Test
  void aCycleWithoutAWakeUpPlansTheNextPollAfterTheInterval() {
    Mailbox mailbox = enabledForIncoming();
    mailbox.incomingSyncSucceeded(0, 0, T0, T0.plusSeconds(3600));
    mailbox.incomingSyncStarted(T0.plusSeconds(3600));

    mailbox.incomingSyncSucceeded(1, 0, T0.plusSeconds(3605), T0.plusSeconds(7205));

    assertThat(mailbox.isDueForIncoming(T0.plusSeconds(7204))).isFalse();
  }

  @Test
  void pushFollowsTheProfileUnlessTheMailboxSaysOtherwise() {
    assertThat(
            List.of(
                PushSetting.AS_PROFILE.wanted(true),
                PushSetting.AS_PROFILE.wanted(false),
                PushSetting.ON.wanted(false),
                PushSetting.OFF.wanted(true)))
        .containsExactly(true, false, true, false);
  }

  @Test
  void pollsLeaveTheVersionAnEditIsCheckedAgainstAndAnEditMovesIt() {
    Mailbox mailbox = Mailbox.of(alice, noApproval(), null);
    long opened = mailbox.getVersion();

    mailbox.incomingSyncStarted(T0);
    mailbox.incomingSyncSucceeded(3, 0, T0.plusSeconds(5), T0.plusSeconds(65));
    mailbox.requireVersion(opened, "mailbox");
    mailbox.changeCredentials("alice", null, true);

    assertThat(mailbox.getVersion()).isGreaterThan(opened);
    assertThatThrownBy(() -> mailbox.requireVersion(opened, "mailbox"))
        .isInstanceOf(StaleVersion.class);
  }
}
