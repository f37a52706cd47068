package org.syncpost.profile.entity;

/**
 * A profile is about to be deleted, in the deleting transaction: its mailboxes move to {@code
 * replacement}; without one, a profile still in use is refused ({@link ProfileInUse}).
 */
public record ProfileDeleted(EmailServerProfile profile, EmailServerProfile replacement) {}
