package org.syncpost.directory.entity;

/**
 * A user is about to be deleted, after no {@link RemovalCheck} kept them; fired in the deleting
 * transaction, before the user row goes, so observers remove or disown what refers to them.
 */
public record UserDeleted(User user) {}
