-- Issue 13: mailboxes are isolated.

-- How a profile's own credentials act for each mailbox (never as the account itself). Existing
-- profiles take the default: SASL authorization identity with the mailbox's email address.
ALTER TABLE email_server_profile ADD COLUMN impersonation VARCHAR(20) DEFAULT 'SASL_AUTHZID' NOT NULL;
ALTER TABLE email_server_profile ADD COLUMN impersonate_as VARCHAR(20) DEFAULT 'EMAIL_ADDRESS' NOT NULL;
ALTER TABLE email_server_profile ADD COLUMN master_user_separator VARCHAR(10) DEFAULT '*' NOT NULL;

-- One record for several receiving mailboxes only for the same delivery: SHA-256 over the digest
-- of the full Message-ID and the digest of the message without its per-delivery trace headers.
-- Records stored before this migration have no raw message to compute it from: they keep NULL and
-- are never merged with new mail (a separate record, never a shared one).
ALTER TABLE email_record ADD COLUMN delivery_key VARCHAR(64);
CREATE INDEX email_record_delivery_key ON email_record (delivery_key);

-- Messages the process-from rule left out, counted on the mailbox with the last one's ID and date.
ALTER TABLE mailbox ADD COLUMN skipped_before_process_from BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE mailbox ADD COLUMN last_skipped_message_id VARCHAR(1000);
ALTER TABLE mailbox ADD COLUMN last_skipped_date TIMESTAMP WITH TIME ZONE;
