package org.syncpost.mailbox.entity;

import org.syncpost.mailserver.entity.TestOutcome;

/**
 * A mailbox was tested (and enabled where it passed and is approved); its test report is recorded.
 * The alerts sit above the mailboxes and tell the owners from this (ADR 0013).
 *
 * @param incoming the incoming test, or null when incoming email is not processed by SyncPost
 * @param outgoing the outgoing test, or null when outgoing email is not processed by SyncPost
 */
public record MailboxTested(
    long mailboxId,
    String mailboxName,
    String email,
    boolean approved,
    TestOutcome incoming,
    TestOutcome outgoing) {}
