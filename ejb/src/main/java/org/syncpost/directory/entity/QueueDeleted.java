package org.syncpost.directory.entity;

/**
 * A queue is about to be deleted, after no {@link RemovalCheck} kept it; fired in the deleting
 * transaction, before the queue row goes.
 */
public record QueueDeleted(Queue queue) {}
