-- Issue 16: the incoming filter is applied, with an organisation default and an override per user
-- and per queue.

-- The organisation's default for mailboxes whose user or queue has no method of its own.
ALTER TABLE organisation_settings ADD COLUMN incoming_filter VARCHAR(30) DEFAULT 'ALL_EMAIL' NOT NULL;

-- A user's own method, or NULL for the organisation's default.
ALTER TABLE app_user ADD COLUMN incoming_filter VARCHAR(30);

-- A queue's own method, or NULL for the organisation's default. Before this migration the method was
-- stored but never applied and ALL_EMAIL was every new queue's value: those queues now follow the
-- default (ALL_EMAIL until an administrator changes it), which takes the same mail; a queue set to
-- another method keeps it.
ALTER TABLE mail_queue ALTER COLUMN incoming_filter DROP NOT NULL;
UPDATE mail_queue SET incoming_filter = NULL WHERE incoming_filter = 'ALL_EMAIL';

-- Messages the filter left out, counted on the mailbox with the last one's Message-ID, sender and
-- date (they stay on the mail server, untouched).
ALTER TABLE mailbox ADD COLUMN filtered_out BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE mailbox ADD COLUMN last_filtered_message_id VARCHAR(1000);
ALTER TABLE mailbox ADD COLUMN last_filtered_from VARCHAR(1000);
ALTER TABLE mailbox ADD COLUMN last_filtered_date TIMESTAMP WITH TIME ZONE;
