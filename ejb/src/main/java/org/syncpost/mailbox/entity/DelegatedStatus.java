package org.syncpost.mailbox.entity;

import java.time.Instant;

/**
 * What REST and the mailbox page say about a mailbox's delegated OAuth 2.0 sign-in (issue 15):
 * connected by whom and when, not connected, or to be connected again — never a token.
 *
 * @param state which of the three
 * @param connectedBy who connected it last, or {@code null}
 * @param connectedOn when, or {@code null}
 * @param refreshedOn when an access token was last got with it, or {@code null}
 * @param refusedOn when the provider refused it, or {@code null}
 */
public record DelegatedStatus(
    State state, String connectedBy, Instant connectedOn, Instant refreshedOn, Instant refusedOn) {

  public enum State {
    NOT_CONNECTED,
    CONNECTED,
    CONNECT_AGAIN
  }

  public static final DelegatedStatus NOT_CONNECTED =
      new DelegatedStatus(State.NOT_CONNECTED, null, null, null, null);

  static DelegatedStatus connected(String by, Instant on, Instant refreshedOn) {
    return new DelegatedStatus(State.CONNECTED, by, on, refreshedOn, null);
  }

  static DelegatedStatus connectAgain(String by, Instant on, Instant refusedOn) {
    return new DelegatedStatus(State.CONNECT_AGAIN, by, on, null, refusedOn);
  }
}
