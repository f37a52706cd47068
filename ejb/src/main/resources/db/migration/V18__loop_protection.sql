-- Issue 16: loop protection. Automatic messages (auto-replies, bulk mail: EmailRecord's
-- auto_submitted rule) from one sender to one mailbox are counted per UTC day; beyond the limit
-- (syncpost.incoming.loop-limit, default 40) they are held: not records, left on the mail server.
CREATE TABLE incoming_loop_tally (
  mailbox_id BIGINT NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
  sender     VARCHAR(320) NOT NULL,
  tally_day  DATE NOT NULL,
  received   INTEGER NOT NULL,
  held       INTEGER NOT NULL,
  PRIMARY KEY (mailbox_id, sender, tally_day)
);

-- What loop protection held back, counted on the mailbox with the last sender.
ALTER TABLE mailbox ADD COLUMN held_as_loop BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE mailbox ADD COLUMN last_loop_sender VARCHAR(320);
