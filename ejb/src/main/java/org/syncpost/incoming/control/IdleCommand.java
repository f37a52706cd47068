package org.syncpost.incoming.control;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * One IDLE command (RFC 2177) on a listener's connection, run by {@link IMAPFolder#doCommand} on
 * the listener's own thread, which also owns the renewal deadline: it reads the server's responses,
 * wakes the mailbox on each EXISTS, and ends the IDLE (DONE) itself once the next read timeout
 * would come after the deadline. No other thread sends a command on the connection while IDLE runs:
 * {@code doCommand} holds the folder's locks until the server completed the IDLE.
 *
 * <p>Why not {@link IMAPFolder#idle(boolean)} renewed from a timer thread through a folder command,
 * as Angus suggests: {@code getMessageCount()} sends nothing (no DONE, no NOOP) when the
 * connection's previous command ended less than a second before, so a renewal can be silently lost
 * and the connection stays in IDLE until the server next speaks; and Angus takes a read timeout
 * that expires between the other thread's DONE and the server's answer for a dead connection. Both
 * were seen in {@code MailboxListeningIT}. Angus' {@code IdleManager} needs {@code
 * mail.imap.usesocketchannels}, which ignores the SSL socket factory that carries SyncPost's trust
 * settings.
 *
 * <p>Stopping: {@link #end} may be called from another thread; DONE is sent once, by whichever
 * thread comes first ({@link IMAPProtocol#idleAbort} is made for that: it writes without the
 * protocol's lock, which the reading thread holds).
 */
final class IdleCommand implements IMAPFolder.ProtocolCommand {

  /** How an IDLE command came to its end. */
  enum Outcome {
    /** The deadline came: SyncPost sent DONE and the server completed the IDLE. */
    RENEWAL_DUE,
    /** Stopping: SyncPost sent DONE and the server completed the IDLE. */
    STOPPED,
    /** The server completed the IDLE without being asked to (no DONE sent). */
    ENDED_BY_SERVER
  }

  private final long endFromNanos;
  private final BooleanSupplier stopping;
  private final Runnable announced;
  private final AtomicBoolean doneSent = new AtomicBoolean();
  private volatile IMAPProtocol protocol;

  /**
   * @param renewAfter when, from now, the IDLE must be ended at the latest (RFC 2177 §3: within 29
   *     minutes)
   * @param readTimeout the connection's read timeout: while the server is silent, the thread gets
   *     control back once per timeout, so DONE is sent at the last timeout before the deadline (at
   *     the first timeout if that is more than the deadline's half; at the first after the deadline
   *     if the timeout is longer than {@code renewAfter})
   * @param stopping whether listening is being stopped
   * @param announced called for each EXISTS (new mail), on the listener's thread
   */
  IdleCommand(
      Duration renewAfter, Duration readTimeout, BooleanSupplier stopping, Runnable announced) {
    long renewAfterNanos = renewAfter.toNanos();
    // the last check before the deadline comes at most one read timeout before it; an IDLE lasts
    // at least half the renewal interval, so a long timeout cannot turn it into a busy loop
    this.endFromNanos =
        System.nanoTime() + renewAfterNanos - Math.min(readTimeout.toNanos(), renewAfterNanos / 2);
    this.stopping = stopping;
    this.announced = announced;
  }

  @Override
  public Object doCommand(IMAPProtocol p) throws ProtocolException {
    p.idleStart();
    protocol = p;
    // a stop that came before the protocol was known could not send DONE
    endIfDue();
    for (; ; ) {
      Response response = p.readIdleResponse();
      if (response == null) {
        // the protocol has no IDLE running any more (it completed or the connection broke)
        return outcome();
      }
      if (isQuietReadTimeout(response) && !doneSent.get()) {
        // nothing from the server for one read timeout: not a failure while IDLE runs
        endIfDue();
        continue;
      }
      if (response instanceof IMAPResponse untagged && untagged.keyEquals("EXISTS")) {
        announced.run();
      }
      // false once the server completed the IDLE; throws on BYE (a ConnectionException, which
      // the folder reports as closed), on NO and BAD, and on a read timeout after DONE
      if (!p.processIdleResponse(response)) {
        return outcome();
      }
      endIfDue();
    }
  }

  /** Ends the IDLE (DONE) unless it was ended already; safe from any thread. */
  void end() {
    IMAPProtocol p = protocol;
    if (p != null && doneSent.compareAndSet(false, true)) {
      p.idleAbort();
    }
  }

  private void endIfDue() {
    if (stopping.getAsBoolean() || System.nanoTime() - endFromNanos >= 0) {
      end();
    }
  }

  private Outcome outcome() {
    if (!doneSent.get()) {
      return Outcome.ENDED_BY_SERVER;
    }
    return stopping.getAsBoolean() ? Outcome.STOPPED : Outcome.RENEWAL_DUE;
  }

  /**
   * A read that timed out before any byte arrived: the connection may well be alive (Angus' own
   * IDLE ignores these too); one that timed out in the middle of a response is broken.
   */
  private static boolean isQuietReadTimeout(Response response) {
    return response.isBYE()
        && response.isSynthetic()
        && response.getException() instanceof SocketTimeoutException timeout
        && ((InterruptedIOException) timeout).bytesTransferred == 0;
  }
}
