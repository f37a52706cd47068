package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

/**
 * Password guessing over HTTP Basic: five wrong passwords in a row lock the user name (the right
 * password is then refused too), unknown user names are answered the same way, and the locks are
 * audited and alerted. Each test guesses at user names of its own.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(180)
class SignInThrottlingIT {

  private static final String PASSWORD = "throttled-user-password-1";

  private final SyncPostServer server;
  private final Api admin;

  SignInThrottlingIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  private String createUser() {
    String name = unique("guessed");
    SignInUsers.create(admin, name, PASSWORD, "mailbox-owner");
    return name;
  }

  private String guessFiveTimesThenSignInRight(String name) {
    StringBuilder statuses = new StringBuilder();
    for (int guess = 1; guess <= 5; guess++) {
      statuses.append(server.https(name, "guess-number-" + guess).get("mailboxes").status());
      statuses.append(' ');
    }
    return statuses.toString();
  }

  @Test
  void fiveWrongPasswordsLockTheUserNameAndTheRightOneIsRefusedUntilTheLockEnds() {
    String name = createUser();

    String guesses = guessFiveTimesThenSignInRight(name);
    Reply right = server.https(name, PASSWORD).get("mailboxes");

    assertThat(guesses + right.status()).isEqualTo("401 401 401 401 401 429");
    assertThat(right.header("Content-Type")).startsWith("application/problem+json");
    assertThat(right.header("Retry-After")).isNotBlank();
    assertThat(right.json().getString("detail")).contains("locked");
  }

  @Test
  void anUnknownUserNameIsAnsweredExactlyLikeAKnownOne() {
    String known = createUser();
    String unknown = unique("nobody");

    String knownAnswers = guessFiveTimesThenSignInRight(known);
    String unknownAnswers = guessFiveTimesThenSignInRight(unknown);
    Reply knownLocked = server.https(known, "guess-number-6").get("mailboxes");
    Reply unknownLocked = server.https(unknown, "guess-number-6").get("mailboxes");

    assertThat(unknownAnswers + unknownLocked.status())
        .isEqualTo(knownAnswers + knownLocked.status());
    assertThat(unknownLocked.body().replace(unknown, "NAME"))
        .isEqualTo(knownLocked.body().replace(known, "NAME"));
  }

  @Test
  void aLockIsAuditedAndAlertedToAdministrators() {
    String name = createUser();

    guessFiveTimesThenSignInRight(name);

    Reply trail = admin.get("audit?objectType=sign-in&limit=1000");
    assertThat(trail.array())
        .map(JsonObject.class::cast)
        .filteredOn(e -> e.getString("actor").equals(name))
        .extracting(e -> e.getString("action"))
        .contains("sign-in-failed", "sign-in-locked");
    assertThat(trail.body()).doesNotContain("guess-number");
    assertThat(admin.get("alerts?limit=1000").body()).contains("sign-in-locked").contains(name);
  }
}
