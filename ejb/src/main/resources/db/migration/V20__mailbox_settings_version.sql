-- The version an edit of a mailbox is checked against (ETag/If-Match, the admin UI's form, SOAP):
-- it counts only changes of what people set, since every poll writes the mailbox's sync state.
ALTER TABLE mailbox ADD COLUMN settings_version BIGINT DEFAULT 0 NOT NULL;
