package org.syncpost.incoming.control;

import java.util.List;
import org.syncpost.mailserver.entity.Endpoint;

/**
 * A mailbox that asks for push, as its listeners need it.
 *
 * @param signature changes when what the listeners were started with changes (folders, profile):
 *     they are then started again
 * @param profileMaxConnections the profile's maximum concurrent connections, of which push may hold
 *     {@link #pushShare()}
 */
public record PushTarget(
    long mailboxId,
    String mailboxName,
    Endpoint endpoint,
    List<String> folders,
    Long profileId,
    int profileMaxConnections,
    String signature) {

  /**
   * The IDLE connections one profile's mailboxes may hold at once on a node: half its maximum
   * connections, rounded down, so that at least as many stay free for polling cycles and tests. A
   * profile allowing one connection has no room for push: its mailboxes are polled.
   */
  public int pushShare() {
    return profileMaxConnections / 2;
  }
}
