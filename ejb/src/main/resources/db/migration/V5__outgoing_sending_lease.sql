-- Outgoing engine: a record in SENDING holds a lease until this time. A node that crashed (or was
-- stopped) while sending leaves the lease to run out; any node then puts the record back to
-- PENDING_SEND and it is sent again with the same Message-ID (at-least-once, see ADR 0006).

ALTER TABLE email_record ADD COLUMN sending_lease_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX email_record_sending_lease ON email_record (status, sending_lease_until);
