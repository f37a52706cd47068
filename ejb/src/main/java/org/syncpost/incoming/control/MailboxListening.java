package org.syncpost.incoming.control;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.syncpost.mailbox.entity.PushStatus;
import org.syncpost.mailserver.control.ConnectionLimiter;
import org.syncpost.mailserver.control.ConnectionLimiter.Permit;
import org.syncpost.mailserver.control.MailSessions;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;

/**
 * The IDLE connections of one mailbox, one per folder, each on its own thread. A listener signals
 * new mail (EXISTS) by waking the mailbox's cycle; it never fetches. When one listener cannot
 * listen (IDLE not offered, no connection slot, a failure) all of the mailbox's listeners stop, the
 * mailbox is polled, and {@link PushListeners} tries again later.
 */
final class MailboxListening {

  private static final System.Logger LOGGER = System.getLogger(MailboxListening.class.getName());

  private final PushTarget target;
  private final PushListeners owner;
  private final LongConsumer wake;
  private final Duration renewAfter;
  private final MailSessions sessions;
  private final ConnectionLimiter limiter;
  private final ScheduledExecutorService timer;
  private final List<FolderListener> listeners = new ArrayList<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger ready = new AtomicInteger();

  MailboxListening(
      PushTarget target,
      PushListeners owner,
      LongConsumer wake,
      Duration renewAfter,
      MailSessions sessions,
      ConnectionLimiter limiter,
      ScheduledExecutorService timer) {
    this.target = target;
    this.owner = owner;
    this.wake = wake;
    this.renewAfter = renewAfter;
    this.sessions = sessions;
    this.limiter = limiter;
    this.timer = timer;
  }

  boolean isFor(String signature) {
    return target.signature().equals(signature);
  }

  void start(ThreadFactory threads) {
    if (target.pushShare() < 1) {
      end(
          PushStatus.WAITING_FOR_CONNECTION,
          "the profile allows "
              + target.profileMaxConnections()
              + " connection(s); push may use half of them, so it needs a maximum of at least 2",
          PushListeners.NOT_OFFERED_RETRY);
      return;
    }
    for (String folder : target.folders()) {
      listeners.add(new FolderListener(folder));
    }
    running.set(listeners.size());
    for (FolderListener listener : listeners) {
      Thread thread = threads.newThread(listener);
      thread.setName("syncpost-idle-" + target.mailboxId() + "-" + listener.folderName);
      thread.start();
    }
  }

  /** Stops listening on purpose (push switched off, mailbox disabled, shutdown). */
  void stop(PushStatus status, String text) {
    if (stopping.compareAndSet(false, true)) {
      listeners.forEach(FolderListener::abort);
      owner.stopped(target.mailboxId(), status, text);
    }
  }

  /** Whether it stopped or is stopping (after a failure, or on purpose). */
  boolean ended() {
    return stopping.get() || running.get() == 0;
  }

  private void end(PushStatus status, String text, Duration retryAfter) {
    if (stopping.compareAndSet(false, true)) {
      listeners.forEach(FolderListener::abort);
      owner.ended(target.mailboxId(), status, text, retryAfter);
    }
  }

  /** One folder's IDLE connection. */
  private final class FolderListener implements Runnable {

    private final String folderName;
    private volatile Store store;
    private volatile IdleCommand current;

    FolderListener(String folderName) {
      this.folderName = folderName;
    }

    @Override
    public void run() {
      try {
        listen();
      } catch (MailServerFailure failure) {
        if (failure.failureCause() == FailureCause.CONNECTION_LIMIT_REACHED) {
          end(PushStatus.WAITING_FOR_CONNECTION, failure.getMessage(), owner.retryAfter());
        } else {
          end(PushStatus.FAILED, failure.getMessage(), owner.retryAfterFailure(target.mailboxId()));
        }
      } catch (MessagingException | RuntimeException failed) {
        if (!stopping.get()) {
          end(
              PushStatus.FAILED,
              "the IDLE connection to folder "
                  + folderName
                  + " ended: "
                  + MailServerFailure.scrub(
                      MailServerFailure.detailOf(failed),
                      target.endpoint().username(),
                      target.endpoint().password()),
              owner.retryAfterFailure(target.mailboxId()));
        }
      } finally {
        closeQuietly();
        running.decrementAndGet();
      }
    }

    /**
     * The connection is counted three times, like a cycle's and more: in push's share of the
     * profile (at most half its maximum), in the profile's budget and in the account's. None is
     * waited for: a full budget means polling for now.
     */
    private void listen() throws MessagingException {
      try (Permit share =
              limiter.acquire(pushShareKey(target.profileId()), target.pushShare(), Duration.ZERO);
          Permit profileSlot =
              limiter.acquire(
                  ConnectionLimiter.profileBudgetKey(target.profileId()),
                  target.profileMaxConnections(),
                  Duration.ZERO);
          Permit account = limiter.acquire(target.endpoint(), Duration.ZERO)) {
        store = sessions.connectStore(target.endpoint());
        if (stopping.get()) {
          return;
        }
        if (!((IMAPStore) store).hasCapability("IDLE")) {
          end(
              PushStatus.NOT_OFFERED,
              target.endpoint().describe()
                  + " does not offer IDLE (RFC 2177) in its capabilities; the mailbox is polled",
              PushListeners.NOT_OFFERED_RETRY);
          return;
        }
        IMAPFolder opened = (IMAPFolder) store.getFolder(folderName);
        opened.open(Folder.READ_ONLY);
        if (ready.incrementAndGet() == listeners.size()) {
          owner.listening(target.mailboxId());
        }
        // mail that arrived while nobody listened (before the first IDLE, or a reconnection)
        wake.accept(target.mailboxId());
        Duration readTimeout = Duration.ofSeconds(target.endpoint().connectionTimeoutSeconds());
        while (!stopping.get()) {
          IdleCommand idle =
              new IdleCommand(renewAfter, readTimeout, stopping::get, this::announced);
          current = idle;
          long started = System.nanoTime();
          IdleCommand.Outcome outcome;
          try {
            outcome = (IdleCommand.Outcome) opened.doCommand(idle);
          } finally {
            current = null;
          }
          if (outcome == IdleCommand.Outcome.RENEWAL_DUE) {
            owner.renewed(target.mailboxId());
          } else if (outcome == IdleCommand.Outcome.ENDED_BY_SERVER
              && System.nanoTime() - started < readTimeout.toNanos()) {
            // issuing IDLE again at once could go on for ever
            end(
                PushStatus.FAILED,
                target.endpoint().describe()
                    + " ended IDLE on folder "
                    + folderName
                    + " at once, without being asked to; the mailbox is polled",
                owner.retryAfterFailure(target.mailboxId()));
            return;
          }
        }
      }
    }

    private void announced() {
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "Mailbox {0} folder {1}: new mail announced, waking its cycle",
          target.mailboxId(),
          folderName);
      wake.accept(target.mailboxId());
    }

    /** Ends the running IDLE (DONE) from another thread; the listener's loop then sees stopping. */
    void abort() {
      IdleCommand idle = current;
      if (idle != null) {
        // a write of six bytes, off the caller's thread all the same (reconcile, undeploy)
        timer.execute(idle::end);
      }
    }

    private void closeQuietly() {
      Store connected = store;
      if (connected == null) {
        return;
      }
      try {
        connected.close();
      } catch (MessagingException | RuntimeException closing) {
        LOGGER.log(
            System.Logger.Level.DEBUG,
            "Mailbox {0}: closing an IDLE connection failed: {1}",
            target.mailboxId(),
            closing.getClass().getName());
      }
    }
  }

  /** Push's share of a profile's connections on this node (ADR 0008). */
  static String pushShareKey(Long profileId) {
    return "profile-" + profileId + "-push";
  }
}
