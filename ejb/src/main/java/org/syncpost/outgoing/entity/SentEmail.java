package org.syncpost.outgoing.entity;

import java.time.Instant;

/**
 * An email the SMTP server accepted, waiting to be recorded as sent.
 *
 * @param at when the server accepted it (the record's sent-on time)
 * @param outcome the server's answer, with any recipients it refused
 */
public record SentEmail(long recordId, Instant at, DeliveryOutcome outcome) {}
