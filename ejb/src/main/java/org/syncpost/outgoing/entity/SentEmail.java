package org.syncpost.outgoing.entity;

import java.time.Instant;

/**
 * An email the SMTP server accepted, waiting to be recorded as sent.
 *
 * @param attempt the delivery attempt its claim counted: the record is this sender's only while it
 *     is still {@code SENDING} under this attempt
 * @param at when the server accepted it (the record's sent-on time)
 * @param outcome the server's answer, with any recipients it refused
 */
public record SentEmail(long recordId, int attempt, Instant at, DeliveryOutcome outcome) {}
