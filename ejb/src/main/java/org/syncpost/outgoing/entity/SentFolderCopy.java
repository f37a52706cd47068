package org.syncpost.outgoing.entity;

import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.MailServerFailure;

/**
 * Where a mailbox keeps copies of the email it sent: an IMAP folder on its incoming server.
 *
 * @param folder the folder's name, e.g. {@code Sent}
 * @param server the mailbox's IMAP server, or {@code null} when {@code unusable}
 * @param unusable why the IMAP server cannot be used as configured, or {@code null}
 */
public record SentFolderCopy(String folder, Endpoint server, MailServerFailure unusable) {}
