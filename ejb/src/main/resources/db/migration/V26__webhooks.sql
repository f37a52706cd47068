-- Issue 17: webhook subscriptions. Each reads the event feed from its own cursor (the last
-- position it delivered or skipped) under a lease, so one node at a time delivers it, at least
-- once, in feed order; a delivery log per subscription; paused after repeated failures.
CREATE SEQUENCE webhook_subscription_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE webhook_delivery_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE webhook_subscription (
  id                   BIGINT PRIMARY KEY,
  url                  VARCHAR(2000) NOT NULL,
  secret               VARCHAR(1000) NOT NULL,
  event_types          VARCHAR(400) NOT NULL,
  status               VARCHAR(20) NOT NULL,
  feed_cursor          BIGINT NOT NULL,
  consecutive_failures INTEGER NOT NULL,
  next_attempt_at      TIMESTAMP WITH TIME ZONE,
  paused_reason        VARCHAR(1000),
  lease_owner          VARCHAR(100),
  lease_until          TIMESTAMP WITH TIME ZONE,
  created_on           TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by           VARCHAR(100) NOT NULL,
  version              BIGINT DEFAULT 0 NOT NULL
);

CREATE TABLE webhook_delivery (
  id              BIGINT PRIMARY KEY,
  subscription_id BIGINT NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
  event_id        BIGINT NOT NULL,
  event_type      VARCHAR(40) NOT NULL,
  attempted_on    TIMESTAMP WITH TIME ZONE NOT NULL,
  status_code     INTEGER,
  delivered       BOOLEAN NOT NULL,
  error           VARCHAR(1000),
  duration_ms     BIGINT NOT NULL
);
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, id);
