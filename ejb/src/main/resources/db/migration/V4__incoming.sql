-- Incoming synchronization: per-folder cursors, the source of every received message, POP3 UIDLs
-- taken, and the quarantine of messages that could not be parsed or stored.
-- ${binary} is BINARY LARGE OBJECT on H2 and BYTEA on PostgreSQL (see SchemaMigration).

CREATE SEQUENCE sync_cursor_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE message_source_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE quarantined_message_seq START WITH 50 INCREMENT BY 50;

-- IMAP: how far a folder of a mailbox has been taken (RFC 3501 §2.3.1.1: UIDs are only
-- meaningful together with the folder's UIDVALIDITY)
CREATE TABLE sync_cursor (
  id           BIGINT PRIMARY KEY,
  version      BIGINT NOT NULL,
  created_on   TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on  TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by  VARCHAR(100) NOT NULL,
  mailbox_id   BIGINT NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
  folder       VARCHAR(1000) NOT NULL,
  uid_validity BIGINT NOT NULL,
  last_uid     BIGINT NOT NULL,
  CONSTRAINT sync_cursor_folder UNIQUE (mailbox_id, folder)
);

-- Where each received email came from: a replay of the same server message is recognised here.
-- fingerprint: SHA-256 of the raw message, for dedup of messages without a Message-ID.
CREATE TABLE message_source (
  id           BIGINT PRIMARY KEY,
  mailbox_id   BIGINT NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
  folder       VARCHAR(1000) NOT NULL,
  uid_validity BIGINT NOT NULL,
  uid          BIGINT NOT NULL,
  email_id     BIGINT NOT NULL REFERENCES email_record (id) ON DELETE CASCADE,
  fingerprint  VARCHAR(64) NOT NULL,
  taken_on     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT message_source_key UNIQUE (mailbox_id, folder, uid_validity, uid)
);
CREATE INDEX message_source_fingerprint ON message_source (mailbox_id, fingerprint);
CREATE INDEX message_source_email ON message_source (email_id);

-- POP3 has no UIDVALIDITY or ordered UIDs: the UIDLs (RFC 1939 §7) already taken
CREATE TABLE pop3_uidl_taken (
  mailbox_id BIGINT NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
  uidl       VARCHAR(70) NOT NULL,
  taken_on   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (mailbox_id, uidl)
);

CREATE TABLE quarantined_message (
  id           BIGINT PRIMARY KEY,
  version      BIGINT NOT NULL,
  created_on   TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on  TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by  VARCHAR(100) NOT NULL,
  mailbox_id   BIGINT NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
  folder       VARCHAR(1000) NOT NULL,
  uid_validity BIGINT,
  uid          BIGINT,
  uidl         VARCHAR(70),
  -- null only when the message was too large to be fetched at all
  raw_message  ${binary},
  size         BIGINT NOT NULL,
  reason       VARCHAR(2000) NOT NULL,
  state        VARCHAR(20) NOT NULL,
  retries      INTEGER NOT NULL,
  email_id     BIGINT REFERENCES email_record (id) ON DELETE SET NULL
);
CREATE INDEX quarantined_message_mailbox ON quarantined_message (mailbox_id, state);
