-- Email records (incoming and outgoing), their receiving mailboxes and attachments.
-- ${binary} is BINARY LARGE OBJECT on H2 and BYTEA on PostgreSQL (see SchemaMigration).

CREATE SEQUENCE email_record_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE email_attachment_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE email_record (
  id                  BIGINT PRIMARY KEY,
  version             BIGINT NOT NULL,
  created_on          TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on         TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by         VARCHAR(100) NOT NULL,
  direction           VARCHAR(10) NOT NULL,
  status              VARCHAR(20) NOT NULL,
  subject             VARCHAR(4000),
  from_address        VARCHAR(1000),
  -- address lists: one RFC 5322 address per line
  to_addresses        VARCHAR,
  cc_addresses        VARCHAR,
  bcc_addresses       VARCHAR,
  text_body           VARCHAR,
  html_body           VARCHAR,
  message_id          VARCHAR(1000),
  in_reply_to         VARCHAR(1000),
  references_header   VARCHAR,
  tracking_token      VARCHAR(100),
  conversation_id     BIGINT REFERENCES email_record (id),
  correlation_method  VARCHAR(20) NOT NULL,
  auto_submitted      BOOLEAN NOT NULL,
  sender_mailbox_id   BIGINT REFERENCES mailbox (id),
  received_on         TIMESTAMP WITH TIME ZONE,
  sent_on             TIMESTAMP WITH TIME ZONE,
  send_at             TIMESTAMP WITH TIME ZONE,
  next_attempt_at     TIMESTAMP WITH TIME ZONE,
  delivery_attempts   INTEGER NOT NULL,
  last_delivery_error VARCHAR(4000)
);
CREATE INDEX email_record_message_id ON email_record (message_id);
CREATE INDEX email_record_tracking_token ON email_record (tracking_token);
CREATE INDEX email_record_conversation ON email_record (conversation_id);
CREATE INDEX email_record_status ON email_record (status, next_attempt_at);
CREATE INDEX email_record_sender ON email_record (sender_mailbox_id);

CREATE TABLE email_receiving_mailbox (
  email_id   BIGINT NOT NULL REFERENCES email_record (id) ON DELETE CASCADE,
  mailbox_id BIGINT NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
  PRIMARY KEY (email_id, mailbox_id)
);
CREATE INDEX email_receiving_mailbox_mailbox ON email_receiving_mailbox (mailbox_id);

CREATE TABLE email_attachment (
  id             BIGINT PRIMARY KEY,
  email_id       BIGINT NOT NULL REFERENCES email_record (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  file_name      VARCHAR(1000),
  content_type   VARCHAR(255) NOT NULL,
  content_id     VARCHAR(1000),
  is_inline      BOOLEAN NOT NULL,
  size           BIGINT NOT NULL,
  content        ${binary},
  omitted_reason VARCHAR(1000),
  CONSTRAINT email_attachment_position UNIQUE (email_id, position)
);
