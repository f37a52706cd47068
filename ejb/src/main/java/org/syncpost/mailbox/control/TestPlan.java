package org.syncpost.mailbox.control;

import java.util.List;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.MailServerFailure;

/**
 * What a test & enable of one mailbox needs, read in a short transaction so that no transaction
 * stays open while SyncPost talks to mail servers.
 *
 * @param approved whether the mailbox may process email (approved, or approval not required)
 * @param incoming the incoming server to test; {@code null} when SyncPost does not process incoming
 *     email for this mailbox, or it cannot be reached as configured
 * @param incomingUnusable why the incoming server cannot be tested as configured, or {@code null}
 * @param profileId the mailbox's email server profile, or {@code null}
 * @param profileMaxConnections the profile's maximum concurrent connections
 */
public record TestPlan(
    long mailboxId,
    String mailboxName,
    String email,
    Long profileId,
    int profileMaxConnections,
    boolean approved,
    Endpoint incoming,
    MailServerFailure incomingUnusable,
    List<String> folders,
    Endpoint outgoing,
    MailServerFailure outgoingUnusable) {}
