package org.syncpost.access.entity;

import java.time.Instant;

/**
 * Someone tried to sign in and the user name or password was wrong (or the user name unknown:
 * SyncPost does not tell the two apart). Fired for audit; never carries the password.
 *
 * @param account the user name as typed (cut to 100 characters)
 * @param address the client's IP address
 * @param failures failed sign-ins in a row for this user name, this one included
 */
public record SignInFailed(String account, String address, Instant at, int failures) {}
