package org.syncpost.profile.entity;

/**
 * A profile is about to be deleted; fired in the deleting transaction, before the profile row goes,
 * so observers let go of it (mailboxes keep their settings but have no server until given one).
 */
public record ProfileDeleted(EmailServerProfile profile) {}
