package org.syncpost.email.entity;

import java.time.Instant;

/** How many emails in the hour that starts at {@code hour} (UTC). */
public record HourlyCount(Instant hour, long count) {}
