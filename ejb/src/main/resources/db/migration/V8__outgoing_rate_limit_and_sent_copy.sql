-- Outgoing engine, beyond the basics:
-- a per-profile sending rate limit (messages per minute over all its mailboxes; NULL = none),
-- counted from the emails sent in the last minute, so every node sharing the database sees it;
ALTER TABLE email_server_profile ADD COLUMN max_messages_per_minute INTEGER;
CREATE INDEX email_record_sender_sent_on ON email_record (sender_mailbox_id, sent_on);

-- and an optional copy of every sent message into the mailbox's IMAP Sent folder.
ALTER TABLE mailbox ADD COLUMN copy_to_sent_folder BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE mailbox ADD COLUMN sent_folder VARCHAR(255);
