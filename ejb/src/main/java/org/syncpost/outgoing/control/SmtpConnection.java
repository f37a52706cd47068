package org.syncpost.outgoing.control;

import java.time.Duration;
import org.syncpost.mailserver.control.ConnectionLimiter;
import org.syncpost.mailserver.control.ConnectionLimiter.Permit;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;

/**
 * The SMTP connection of one mailbox's sending, kept from batch to batch while the server keeps it
 * open, and the connection budget's permit it holds.
 */
final class SmtpConnection implements AutoCloseable {

  static final Duration WAIT_FOR_A_CONNECTION = Duration.ofSeconds(30);

  private final ConnectionLimiter limiter;
  private final SmtpSubmitter submitter;
  private Permit permit;
  private SmtpSubmitter.Connection smtp;

  SmtpConnection(ConnectionLimiter limiter, SmtpSubmitter submitter) {
    this.limiter = limiter;
    this.submitter = submitter;
  }

  /**
   * @throws MailServerFailure when no connection was free or the server could not be reached
   */
  SmtpSubmitter.Connection to(Endpoint endpoint) {
    if (smtp != null && smtp.isOpen()) {
      return smtp;
    }
    closeSmtp();
    if (permit == null) {
      permit = limiter.acquire(endpoint, WAIT_FOR_A_CONNECTION);
    }
    smtp = submitter.connect(endpoint);
    return smtp;
  }

  /**
   * Takes a connection slot of the budget if one is free now, without waiting: for a further sender
   * of a mailbox, which has nothing to do while the budget is used up.
   *
   * @return whether this connection holds a slot
   */
  boolean reserveIfFree(Endpoint endpoint) {
    if (permit == null) {
      try {
        permit = limiter.acquire(endpoint, Duration.ZERO);
      } catch (MailServerFailure busy) {
        if (busy.failureCause() != FailureCause.CONNECTION_LIMIT_REACHED) {
          throw busy;
        }
        return false;
      }
    }
    return true;
  }

  private void closeSmtp() {
    if (smtp != null) {
      smtp.close();
      smtp = null;
    }
  }

  @Override
  public void close() {
    try {
      closeSmtp();
    } finally {
      if (permit != null) {
        permit.close();
      }
    }
  }
}
