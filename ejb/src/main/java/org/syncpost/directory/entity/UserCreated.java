package org.syncpost.directory.entity;

/**
 * A user was created; fired in the creating transaction, so what observers create with it (the
 * user's mailbox) commits or rolls back with the user.
 */
public record UserCreated(User user) {}
