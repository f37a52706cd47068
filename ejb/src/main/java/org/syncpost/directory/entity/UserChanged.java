package org.syncpost.directory.entity;

/** A user's details changed to {@code details}; fired in the changing transaction. */
public record UserChanged(User user, UserDetails details) {}
