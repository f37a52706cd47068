package org.syncpost.incoming.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.syncpost.incoming.control.FolderSynchronizer.FolderCursor;
import org.syncpost.incoming.entity.SyncStatus;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.MailProtocol;
import org.syncpost.mailserver.entity.MailServerFailure;

/**
 * What a cycle needs, read in a short transaction so that none stays open while SyncPost talks to
 * the mail server.
 *
 * @param refusal why the cycle does not run ({@code NOT_ENABLED}, {@code NOT_APPROVED}), or {@code
 *     null}
 * @param profileId the mailbox's profile, or {@code null}; with {@code profileMaxConnections} the
 *     budget all of the profile's incoming work on this node shares
 * @param unusable why the server cannot be reached as configured, or {@code null}
 * @param startedAt when the cycle began, recorded with its outcome; the next scheduled poll is
 *     counted from it, so that a mailbox polled every minute is polled every minute, not every
 *     minute plus its cycle
 * @param errorShown whether the mailbox showed an error when the cycle began: only then can a
 *     sign-in alert be open for a success to resolve (the alerts of a failed cycle are raised with
 *     its error, and whatever clears the error resolves them)
 */
public record CyclePlan(
    long mailboxId,
    String mailboxName,
    SyncStatus refusal,
    Endpoint endpoint,
    MailServerFailure unusable,
    List<String> folders,
    Map<String, FolderCursor> cursors,
    IngestRules rules,
    int retryCount,
    int retryIntervalMinutes,
    int retestMinutes,
    int minPollingIntervalMinutes,
    Long profileId,
    int profileMaxConnections,
    Instant startedAt,
    boolean errorShown) {

  static CyclePlan refused(long mailboxId, String mailboxName, SyncStatus refusal) {
    return new CyclePlan(
        mailboxId,
        mailboxName,
        refusal,
        null,
        null,
        List.of(),
        Map.of(),
        null,
        0,
        1,
        30,
        0,
        null,
        1,
        null,
        false);
  }

  /**
   * Whether a cycle planned as {@code before} may take this plan's share over its open connection:
   * the mailbox is still enabled, and its server, account and folders are the same.
   */
  boolean goesOnFrom(CyclePlan before) {
    return refusal == null
        && unusable == null
        && endpoint != null
        && before.endpoint != null
        && endpoint.protocol() == before.endpoint.protocol()
        && endpoint.host().equals(before.endpoint.host())
        && endpoint.port() == before.endpoint.port()
        && endpoint.tlsMode() == before.endpoint.tlsMode()
        && Objects.equals(endpoint.username(), before.endpoint.username())
        && Objects.equals(endpoint.trust(), before.endpoint.trust())
        && Objects.equals(endpoint.connectionKey(), before.endpoint.connectionKey())
        && folders.equals(before.folders)
        && Objects.equals(profileId, before.profileId);
  }

  FolderCursor cursorOf(String folder) {
    return cursors.getOrDefault(folder, FolderCursor.NONE);
  }

  boolean isImap() {
    return endpoint != null && endpoint.protocol() == MailProtocol.IMAP;
  }
}
