-- The admin UI lists mailboxes and queues a page at a time, by name then id (the order that keeps
-- paging stable): with these indexes the database reads the first rows of a page in order instead
-- of sorting every row for each page. Users are already ordered by their unique name index.
CREATE INDEX mailbox_name_id ON mailbox (name, id);
CREATE INDEX mail_queue_name_id ON mail_queue (name, id);
