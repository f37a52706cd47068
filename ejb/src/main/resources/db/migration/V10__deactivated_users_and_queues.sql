-- A user or queue whose mailbox has email records (or quarantined messages) is deactivated
-- instead of deleted, so that those records keep their mailbox.
ALTER TABLE app_user ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE mail_queue ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
