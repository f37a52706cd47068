package org.syncpost.incoming.control;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.syncpost.incoming.control.FolderSynchronizer.FolderCursor;

/**
 * What a poll asks before it looks at a folder: whether anything was added since the cursor, by one
 * {@code STATUS} (ADR 0026). A quiet folder is left at that; the others get {@link
 * FolderSynchronizer}'s full look.
 */
final class FolderStatus {

  private FolderStatus() {}

  /**
   * The folders of a cycle worth a full look (LIST, EXAMINE, UID FETCH, CLOSE): those whose {@code
   * STATUS (UIDNEXT UIDVALIDITY)} (RFC 3501 §6.3.10, one command, no folder selected) shows a new
   * UIDVALIDITY or a UID given out above the cursor. A quiet mailbox's poll is then one command per
   * folder (issue 19). Every folder is looked at as before when it has no cursor yet, when the
   * mailbox has an action after processing (its pending actions are applied on each look), or when
   * the server does not answer STATUS (a deleted folder: the full look says so).
   *
   * @param kept whether {@code store} was kept open since an earlier cycle: when no STATUS is sent,
   *     a NOOP checks that it is still connected
   * @throws StoreClosedException (raw, not translated) when the connection is gone, so that the
   *     caller can sign in again on a kept connection without an alert
   */
  static Set<String> worthALook(Store store, CyclePlan plan, boolean kept)
      throws MessagingException {
    Set<String> look = new LinkedHashSet<>();
    boolean asked = false;
    for (String folderName : plan.folders()) {
      FolderCursor cursor = plan.cursorOf(folderName);
      if (cursor.uidValidity() == 0
          || ProcessedMailActions.changesTheServer(plan.rules())
          || !(store.getFolder(folderName) instanceof IMAPFolder folder)) {
        look.add(folderName);
        continue;
      }
      asked = true;
      if (!quiet(folder, cursor)) {
        look.add(folderName);
      }
    }
    if (kept && !asked && !store.isConnected()) {
      throw new StoreClosedException(store, "the kept connection was closed by the server");
    }
    return look;
  }

  /** Whether STATUS shows nothing new above the cursor; false when the server refuses to say. */
  private static boolean quiet(IMAPFolder folder, FolderCursor cursor) throws MessagingException {
    Status status;
    try {
      status =
          (Status)
              folder.doCommand(
                  protocol ->
                      protocol.status(
                          folder.getFullName(), new String[] {"UIDNEXT", "UIDVALIDITY"}));
    } catch (StoreClosedException | FolderClosedException gone) {
      throw gone;
    } catch (MessagingException refused) {
      return false;
    }
    return status != null
        && status.uidvalidity == cursor.uidValidity()
        && status.uidnext > 0
        && status.uidnext - 1 <= cursor.lastUid();
  }
}
