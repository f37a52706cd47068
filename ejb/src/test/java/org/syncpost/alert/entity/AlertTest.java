package org.syncpost.alert.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertTest {

  private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");

  private static AlertNotice authFailed(String text, String details) {
    return AlertNotice.aboutMailbox(
        AlertLevel.ERROR,
        "incoming-authentication-failed",
        12L,
        text,
        "Check the mailbox's user name and password.",
        details);
  }

  @Test
  void aNewAlertIsOpenRaisedOnceAndKeyedByMailboxProfileAndCode() {
    Alert alert = new Alert(authFailed("Sign-in refused.", null), 7L, null, NINE);

    assertThat(
            alert.getCount()
                + " "
                + alert.getFirstRaisedOn()
                + " "
                + alert.getLastRaisedOn()
                + " "
                + alert.isDismissed()
                + " "
                + alert.getDedupKey())
        .isEqualTo(
            "1 2026-03-02T09:00:00Z 2026-03-02T09:00:00Z false"
                + " mailbox:12/profile:-/incoming-authentication-failed");
  }

  @Test
  void repeatingCountsItAndTakesTheNewestTextAndDetails() {
    Alert alert = new Alert(authFailed("Sign-in refused.", "AUTHENTICATE failed"), 7L, null, NINE);

    alert.repeat(authFailed("Sign-in refused again.", "LOGIN failed"), 7L, null, TEN);
    alert.repeat(authFailed("Sign-in refused a third time.", "LOGIN failed"), 7L, null, TEN);

    assertThat(
            alert.getCount()
                + " "
                + alert.getFirstRaisedOn()
                + " "
                + alert.getLastRaisedOn()
                + " "
                + alert.getText()
                + " "
                + alert.getDetails())
        .isEqualTo(
            "3 2026-03-02T09:00:00Z 2026-03-02T10:00:00Z Sign-in refused a third time. LOGIN failed");
  }

  @Test
  void aRepeatThatArrivesLateDoesNotMoveLastRaisedBack() {
    Alert alert = new Alert(authFailed("Sign-in refused.", null), 7L, null, TEN);

    alert.repeat(authFailed("Sign-in refused.", null), 7L, null, NINE);

    assertThat(alert.getLastRaisedOn()).isEqualTo(TEN);
  }

  @Test
  void aRecipientOnceAddedStaysOne() {
    Alert alert = new Alert(authFailed("Sign-in refused.", null), 7L, null, NINE);

    alert.repeat(authFailed("Sign-in refused.", null).alsoToProfileOwner(), null, 8L, TEN);

    assertThat(alert.isAddressedTo(7L) && alert.isAddressedTo(8L) && !alert.isAddressedTo(9L))
        .isTrue();
  }

  @Test
  void anotherKeyCannotBeCountedOnAnAlert() {
    Alert alert = new Alert(authFailed("Sign-in refused.", null), 7L, null, NINE);
    AlertNotice otherMailbox =
        AlertNotice.aboutMailbox(
            AlertLevel.ERROR, "incoming-authentication-failed", 13L, "x", null, null);

    assertThrows(IllegalArgumentException.class, () -> alert.repeat(otherMailbox, 7L, null, TEN));
  }

  @Test
  void dismissingRecordsWhoAndWhenAndFreesTheKeyForANewAlert() {
    Alert alert = new Alert(authFailed("Sign-in refused.", null), 7L, null, NINE);

    alert.dismiss("alice", TEN);

    assertThat(
            alert.isDismissed()
                + " "
                + alert.getDismissedBy()
                + " "
                + alert.getDismissedOn()
                + " "
                + alert.getDedupKey())
        .isEqualTo("true alice 2026-03-02T10:00:00Z null");
  }

  @Test
  void dismissingTwiceKeepsTheFirstDismissal() {
    Alert alert = new Alert(authFailed("Sign-in refused.", null), 7L, null, NINE);

    alert.dismiss("alice", NINE);
    alert.dismiss("bob", TEN);

    assertThat(alert.getDismissedBy() + " " + alert.getDismissedOn())
        .isEqualTo("alice 2026-03-02T09:00:00Z");
  }

  @Test
  void detailsAreCutTo4000Characters() {
    Alert alert = new Alert(authFailed("Sign-in refused.", "x".repeat(5000)), 7L, null, NINE);

    assertThat(alert.getDetails()).hasSize(Alert.MAX_DETAILS);
  }

  @Test
  void theSameCodeAboutAnotherObjectHasAnotherKey() {
    assertThat(Alert.dedupKeyOf(12L, null, "timeout"))
        .isNotEqualTo(Alert.dedupKeyOf(null, 12L, "timeout"))
        .isNotEqualTo(Alert.dedupKeyOf(12L, 3L, "timeout"))
        .isNotEqualTo(Alert.dedupKeyOf(12L, null, "connection-refused"));
  }
}
