package org.syncpost.incoming.control;

import jakarta.mail.Message;
import java.time.Instant;

/** A message above a folder's cursor, described (UID, INTERNALDATE, size) but not yet fetched. */
public record Candidate(Message message, long uid, Instant received, long size) {}
