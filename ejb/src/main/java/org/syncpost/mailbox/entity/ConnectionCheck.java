package org.syncpost.mailbox.entity;

import org.syncpost.mailserver.entity.TestOutcome;

/**
 * What "test connection" on a profile form found, step by step: the incoming server (connect, TLS,
 * sign in, open INBOX over IMAP) and the outgoing one (connect, TLS, sign in). Nothing is stored.
 */
public record ConnectionCheck(TestOutcome incoming, TestOutcome outgoing) {

  public boolean passed() {
    return !incoming.failed() && !outgoing.failed();
  }
}
