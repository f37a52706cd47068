package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Stores a batch of taken messages together with the folder's cursor; when the batch cannot be
 * stored, stores its messages one by one, quarantining each that still fails, so one broken message
 * never holds back the others.
 */
@ApplicationScoped
public class BatchWriter {

  private static final System.Logger LOGGER = System.getLogger(BatchWriter.class.getName());

  @Inject IncomingLedger ledger;

  public BatchResult store(
      long mailboxId,
      String folderName,
      long uidValidity,
      long upTo,
      List<Fetched> fetched,
      IngestRules rules) {
    try {
      return ledger.take(mailboxId, folderName, uidValidity, upTo, fetched, rules);
    } catch (RuntimeException batchFailed) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "Mailbox {0} folder {1}: a batch up to UID {2} could not be stored ({3}); storing its"
              + " messages one by one",
          mailboxId,
          folderName,
          upTo,
          batchFailed.getClass().getName());
      return oneByOne(mailboxId, folderName, uidValidity, upTo, fetched, rules);
    }
  }

  private BatchResult oneByOne(
      long mailboxId,
      String folderName,
      long uidValidity,
      long upTo,
      List<Fetched> fetched,
      IngestRules rules) {
    BatchResult taken = BatchResult.NONE;
    for (Fetched message : fetched) {
      try {
        taken =
            taken.plus(
                ledger.take(
                    mailboxId,
                    folderName,
                    uidValidity,
                    message.key().uid(),
                    List.of(message),
                    rules));
      } catch (RuntimeException failed) {
        taken =
            taken.plus(
                ledger.quarantineAlone(
                    message, StorageRefusal.reasonFor(message, failed), uidValidity));
      }
    }
    ledger.advance(mailboxId, folderName, uidValidity, upTo);
    return taken;
  }
}
