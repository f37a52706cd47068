package org.syncpost.directory.entity;

/**
 * A queue was created; fired in the creating transaction, so what observers create with it (the
 * queue's mailbox) commits or rolls back with the queue.
 */
public record QueueCreated(Queue queue) {}
