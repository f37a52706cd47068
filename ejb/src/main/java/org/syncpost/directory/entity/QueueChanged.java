package org.syncpost.directory.entity;

/**
 * A queue's details (address, owner) changed to {@code details}; fired in the changing transaction.
 */
public record QueueChanged(Queue queue, QueueDetails details) {}
