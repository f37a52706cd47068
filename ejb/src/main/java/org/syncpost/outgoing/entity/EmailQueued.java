package org.syncpost.outgoing.entity;

/**
 * An email of {@code senderMailboxId} became pending (created, a draft submitted, sent now): the
 * scheduler starts sending once the transaction has committed instead of at its next tick.
 */
public record EmailQueued(long senderMailboxId) {}
