-- Issue 17: the event outbox. Each event is a row written in the transaction that changed the
-- state it announces (an email sent, a mailbox disabled, a job finished): committed with it, or
-- rolled back with it. The feed's order (position) is assigned after commit by one sequencer at a
-- time (it locks event_feed_head), so a reader that has seen position n never later meets an event
-- below n, whatever the order in which transactions committed (ids from the sequence are not in
-- commit order, and several nodes allocate ids in blocks).
CREATE SEQUENCE event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE event (
  id           BIGINT PRIMARY KEY,
  type         VARCHAR(40) NOT NULL,
  occurred_on  TIMESTAMP WITH TIME ZONE NOT NULL,
  data         VARCHAR NOT NULL,
  feed_position BIGINT,
  CONSTRAINT event_position_once UNIQUE (feed_position)
);

CREATE TABLE event_feed_head (
  id            INTEGER PRIMARY KEY,
  feed_position BIGINT NOT NULL
);
INSERT INTO event_feed_head (id, feed_position) VALUES (1, 0);
