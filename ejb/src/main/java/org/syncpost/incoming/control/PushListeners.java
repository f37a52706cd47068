package org.syncpost.incoming.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.mailbox.entity.PushStatus;
import org.syncpost.mailserver.control.ConnectionLimiter;
import org.syncpost.mailserver.control.MailSessions;
import org.syncpost.mailserver.entity.MailServerFailure;

/**
 * Push (IMAP IDLE, RFC 2177) for the mailboxes that ask for it: on each scheduler tick, this node
 * starts listening to the pushing mailboxes whose IDLE lease it can take, renews the leases of
 * those it listens to, and stops listening to those that no longer ask for it. A mailbox's
 * listeners only wake its cycle; the cycle fetches, with the cursor, under the cycle lease, like
 * any poll.
 *
 * <p>Each listened folder is one connection on a thread of its own from the server's managed thread
 * factory: an IDLE connection blocks its thread for as long as it listens, which would take a pool
 * thread of the managed executor away from polling cycles for good (Payara's default executor runs
 * a small pool and treats long tasks as hung). See ADR 0008 for the connection rule.
 */
@ApplicationScoped
public class PushListeners {

  private static final System.Logger LOGGER = System.getLogger(PushListeners.class.getName());

  public static final String IDLE_RENEW_SECONDS = "syncpost.incoming.idle-renew-seconds";
  public static final String PUSH_RETRY_SECONDS = "syncpost.incoming.push-retry-seconds";

  /** A server without IDLE is asked again after this long (its configuration may change). */
  static final Duration NOT_OFFERED_RETRY = Duration.ofMinutes(30);

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService timer;

  @Inject PushRecords records;
  @Inject MailSessions sessions;
  @Inject ConnectionLimiter limiter;
  @Inject NodeIdentity node;
  @Inject Clock clock;

  /** RFC 2177 §3: a client re-issues IDLE at least every 29 minutes; 25 leaves room. */
  @Inject
  @ConfigProperty(name = IDLE_RENEW_SECONDS, defaultValue = "1500")
  int renewSeconds = 1500;

  @Inject
  @ConfigProperty(name = PUSH_RETRY_SECONDS, defaultValue = "60")
  int retrySeconds = 60;

  private final Map<Long, MailboxListening> listening = new ConcurrentHashMap<>();
  private final Map<Long, Instant> notBefore = new ConcurrentHashMap<>();
  private final Map<Long, Integer> failuresInARow = new ConcurrentHashMap<>();

  /**
   * Brings this node's listeners in line with what the database asks for.
   *
   * @param leaseFor how long an IDLE lease lasts unless renewed (a few ticks)
   * @param wake runs a cycle of a mailbox soon: called when new mail is announced
   */
  public synchronized void reconcile(Duration leaseFor, LongConsumer wake) {
    Instant now = clock.instant();
    List<Long> wanted = records.wanted(node.name(), now);
    for (Long mailboxId : List.copyOf(listening.keySet())) {
      MailboxListening current = listening.get(mailboxId);
      if (!wanted.contains(mailboxId)) {
        listening.remove(mailboxId);
        current.stop(PushStatus.NOT_REQUESTED, null);
      } else if (current.ended()) {
        listening.remove(mailboxId);
      }
    }
    for (Long mailboxId : wanted) {
      MailboxListening current = listening.get(mailboxId);
      if (current != null) {
        if (!records.hold(mailboxId, node.name(), now, now.plus(leaseFor))) {
          listening.remove(mailboxId);
          current.stop(PushStatus.NOT_REQUESTED, null);
        } else if (!current.isFor(records.signature(mailboxId))) {
          // its folders or its profile changed: listen again as they are now
          listening.remove(mailboxId);
          current.stop(PushStatus.NOT_REQUESTED, null);
        }
        continue;
      }
      if (notBefore.getOrDefault(mailboxId, Instant.MIN).isAfter(now)
          || !records.hold(mailboxId, node.name(), now, now.plus(leaseFor))) {
        continue;
      }
      start(mailboxId, wake);
    }
    records.forgetUnwanted(wanted);
    failuresInARow.keySet().retainAll(wanted);
  }

  private void start(long mailboxId, LongConsumer wake) {
    Optional<PushTarget> target;
    try {
      target = records.target(mailboxId);
    } catch (MailServerFailure unusable) {
      ended(mailboxId, PushStatus.FAILED, unusable.getMessage(), retryAfter());
      return;
    }
    if (target.isEmpty()) {
      records.release(mailboxId, node.name(), PushStatus.NOT_REQUESTED, null);
      return;
    }
    MailboxListening started =
        new MailboxListening(
            target.get(),
            this,
            wake,
            Duration.ofSeconds(Math.max(renewSeconds, 1)),
            sessions,
            limiter,
            timer);
    listening.put(mailboxId, started);
    started.start(threads);
  }

  /** Stops every listener of this node and gives the IDLE leases back, e.g. at undeploy. */
  public synchronized void stopAll() {
    for (Long mailboxId : List.copyOf(listening.keySet())) {
      MailboxListening current = listening.remove(mailboxId);
      current.stop(PushStatus.NOT_REQUESTED, "SyncPost stopped on node " + node.name());
    }
  }

  /** The listeners of a mailbox say that they listen to every folder. */
  void listening(long mailboxId) {
    records.status(mailboxId, PushStatus.LISTENING, null);
    LOGGER.log(System.Logger.Level.INFO, "Mailbox {0}: listening for new mail (IDLE)", mailboxId);
  }

  /**
   * The listeners of a mailbox ended by themselves; it is polled, and listening is tried again
   * after {@code retryAfter}.
   */
  void ended(long mailboxId, PushStatus status, String text, Duration retryAfter) {
    notBefore.put(mailboxId, clock.instant().plus(retryAfter));
    records.release(mailboxId, node.name(), status, text);
    LOGGER.log(
        System.Logger.Level.INFO,
        "Mailbox {0}: not listening for new mail ({1}: {2}); polled, listening tried again in {3}",
        mailboxId,
        status,
        text,
        retryAfter);
  }

  /** Stopped on purpose: no retry pause. */
  void stopped(long mailboxId, PushStatus status, String text) {
    records.release(mailboxId, node.name(), status, text);
  }

  Duration retryAfter() {
    return Duration.ofSeconds(Math.max(retrySeconds, 1));
  }

  /**
   * The pause after a listener of the mailbox failed (the connection dropped, a BYE, a refused
   * IDLE): the retry pause, doubled for each failure in a row, up to {@link #NOT_OFFERED_RETRY}. A
   * server that accepts IDLE and drops it soon after is thus asked ever less often, never in a
   * loop; a renewal ({@link #renewed}) shows the connection holds and starts the count again.
   */
  Duration retryAfterFailure(long mailboxId) {
    return backOff(retryAfter(), failuresInARow.merge(mailboxId, 1, Integer::sum));
  }

  /** A listener of the mailbox renewed its IDLE: the connection held for a renewal interval. */
  void renewed(long mailboxId) {
    failuresInARow.remove(mailboxId);
  }

  static Duration backOff(Duration first, int failuresInARow) {
    int doublings = Math.min(Math.max(failuresInARow - 1, 0), 20);
    Duration pause = first.multipliedBy(1L << doublings);
    Duration longest = first.compareTo(NOT_OFFERED_RETRY) > 0 ? first : NOT_OFFERED_RETRY;
    return pause.compareTo(longest) > 0 ? longest : pause;
  }
}
