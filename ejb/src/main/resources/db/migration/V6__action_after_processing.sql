-- What SyncPost does on the mail server with a message once its record is stored (SPEC §2
-- Incoming: "no change to the server's mail unless configured"). It replaces the flag
-- delete_email_after_processing: a mailbox that deleted keeps deleting.
ALTER TABLE mailbox ADD COLUMN action_after_processing VARCHAR(20) DEFAULT 'NONE' NOT NULL;
ALTER TABLE mailbox ADD COLUMN move_to_folder VARCHAR(1000);
UPDATE mailbox SET action_after_processing = 'DELETE' WHERE delete_email_after_processing = TRUE;
ALTER TABLE mailbox DROP COLUMN delete_email_after_processing;

-- A record is committed first, the action applied after: a source whose action is still to be
-- applied (SyncPost stopped or the connection dropped in between) is applied on the next cycle.
ALTER TABLE message_source ADD COLUMN server_action_pending BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX message_source_action_pending ON message_source (mailbox_id, server_action_pending);

-- A mailbox whose incoming email the error policy disabled (not an administrator) is tested again
-- on a slow schedule, every disabled_retest_minutes at first, doubling, and enabled again once its
-- server accepts it.
ALTER TABLE organisation_settings ADD COLUMN disabled_retest_minutes INTEGER DEFAULT 30 NOT NULL;
ALTER TABLE mailbox ADD COLUMN incoming_disabled_by_policy BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE mailbox ADD COLUMN incoming_retest_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mailbox ADD COLUMN incoming_retests INTEGER DEFAULT 0 NOT NULL;
