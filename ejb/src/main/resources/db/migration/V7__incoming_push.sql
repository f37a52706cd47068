-- IMAP IDLE (RFC 2177): a profile may ask for push for all its mailboxes, a mailbox may override it.
-- The node that idles on a mailbox holds its IDLE lease (idle_owner, idle_until), apart from the
-- cycle lease (lease_owner): an IDLE connection lives for minutes or hours, a cycle for seconds,
-- and each woken cycle still takes the cycle lease like any other (see ADR 0008).
ALTER TABLE email_server_profile ADD COLUMN push_incoming_email BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE mailbox ADD COLUMN push_incoming_email VARCHAR(20) DEFAULT 'AS_PROFILE' NOT NULL;
ALTER TABLE mailbox ADD COLUMN push_status VARCHAR(30) DEFAULT 'NOT_REQUESTED' NOT NULL;
ALTER TABLE mailbox ADD COLUMN push_status_text VARCHAR(2000);
ALTER TABLE mailbox ADD COLUMN idle_owner VARCHAR(100);
ALTER TABLE mailbox ADD COLUMN idle_until TIMESTAMP WITH TIME ZONE;
