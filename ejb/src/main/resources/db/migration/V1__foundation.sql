-- SyncPost foundation schema: users, queues, email server profiles, organisation settings,
-- mailboxes and the audit trail. Portable between H2 2 and PostgreSQL 15.
-- Sequences step by 50 to match the entities' allocationSize (EclipseLink preallocates ids)
-- and start at 50: EclipseLink takes the first value as the top of its first block.

CREATE SEQUENCE app_user_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE mail_queue_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE email_server_profile_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE mailbox_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE app_user (
  id            BIGINT PRIMARY KEY,
  version       BIGINT NOT NULL,
  created_on    TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on   TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by   VARCHAR(100) NOT NULL,
  name          VARCHAR(100) NOT NULL,
  email         VARCHAR(320) NOT NULL,
  password_hash VARCHAR(500),
  CONSTRAINT app_user_name_unique UNIQUE (name)
);

CREATE TABLE app_user_role (
  user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role    VARCHAR(20) NOT NULL,
  PRIMARY KEY (user_id, role)
);

CREATE TABLE mail_queue (
  id              BIGINT PRIMARY KEY,
  version         BIGINT NOT NULL,
  created_on      TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on     TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by     VARCHAR(100) NOT NULL,
  name            VARCHAR(100) NOT NULL,
  email           VARCHAR(320) NOT NULL,
  owner_id        BIGINT REFERENCES app_user (id),
  incoming_filter VARCHAR(30) NOT NULL
);

CREATE TABLE email_server_profile (
  id                             BIGINT PRIMARY KEY,
  version                        BIGINT NOT NULL,
  created_on                     TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on                    TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by                    VARCHAR(100) NOT NULL,
  name                           VARCHAR(100) NOT NULL,
  description                    VARCHAR(2000),
  server_type                    VARCHAR(20) NOT NULL,
  incoming_server                VARCHAR(255) NOT NULL,
  incoming_port                  INTEGER NOT NULL,
  incoming_use_ssl               BOOLEAN NOT NULL,
  outgoing_server                VARCHAR(255) NOT NULL,
  outgoing_port                  INTEGER NOT NULL,
  outgoing_use_ssl               BOOLEAN NOT NULL,
  incoming_credential_source     VARCHAR(20) NOT NULL,
  outgoing_credential_source     VARCHAR(20) NOT NULL,
  incoming_auth_protocol         VARCHAR(20) NOT NULL,
  outgoing_auth_protocol         VARCHAR(20) NOT NULL,
  incoming_username              VARCHAR(320),
  -- <key id>:<base64(iv | AES-GCM ciphertext | tag)>, never clear text
  incoming_password              VARCHAR(1000),
  outgoing_username              VARCHAR(320),
  outgoing_password              VARCHAR(1000),
  use_same_settings_for_outgoing BOOLEAN NOT NULL,
  process_email_from             TIMESTAMP WITH TIME ZONE NOT NULL,
  min_polling_interval_minutes   INTEGER NOT NULL,
  max_concurrent_connections     INTEGER NOT NULL,
  connection_timeout_seconds     INTEGER NOT NULL,
  alert_owner_on_failures        BOOLEAN NOT NULL,
  owner_id                       BIGINT REFERENCES app_user (id),
  revocation_check               VARCHAR(20) NOT NULL,
  trusted_certificates_pem       VARCHAR(100000),
  CONSTRAINT email_server_profile_ports CHECK (incoming_port BETWEEN 1 AND 65535 AND outgoing_port BETWEEN 1 AND 65535),
  CONSTRAINT email_server_profile_polling CHECK (min_polling_interval_minutes BETWEEN 0 AND 1440),
  CONSTRAINT email_server_profile_connections CHECK (max_concurrent_connections BETWEEN 1 AND 300),
  CONSTRAINT email_server_profile_timeout CHECK (connection_timeout_seconds BETWEEN 1 AND 100)
);
CREATE UNIQUE INDEX email_server_profile_name_unique ON email_server_profile (name);

CREATE TABLE organisation_settings (
  id                               BIGINT PRIMARY KEY,
  version                          BIGINT NOT NULL,
  created_on                       TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on                      TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by                      VARCHAR(100) NOT NULL,
  default_profile_id               BIGINT REFERENCES email_server_profile (id),
  incoming_delivery_method         VARCHAR(20) NOT NULL,
  outgoing_delivery_method         VARCHAR(20) NOT NULL,
  appointments_delivery_method     VARCHAR(20) NOT NULL,
  require_approval_user_email      BOOLEAN NOT NULL,
  require_approval_queue_email     BOOLEAN NOT NULL,
  allow_credentials_over_http      BOOLEAN NOT NULL,
  allow_non_ssl_email              BOOLEAN NOT NULL,
  correlation_enabled              BOOLEAN NOT NULL,
  tracking_token_prefix            VARCHAR(20) NOT NULL,
  max_attachment_size_kb           INTEGER NOT NULL,
  max_incoming_message_size_mb     INTEGER NOT NULL,
  transient_retry_count            INTEGER NOT NULL,
  transient_retry_interval_minutes INTEGER NOT NULL,
  raise_information_alerts         BOOLEAN NOT NULL,
  raise_warning_alerts             BOOLEAN NOT NULL,
  raise_error_alerts               BOOLEAN NOT NULL,
  CONSTRAINT organisation_settings_single_row CHECK (id = 1)
);

INSERT INTO organisation_settings (
  id, version, created_on, modified_on, modified_by, default_profile_id,
  incoming_delivery_method, outgoing_delivery_method, appointments_delivery_method,
  require_approval_user_email, require_approval_queue_email, allow_credentials_over_http,
  allow_non_ssl_email, correlation_enabled, tracking_token_prefix, max_attachment_size_kb,
  max_incoming_message_size_mb, transient_retry_count, transient_retry_interval_minutes,
  raise_information_alerts, raise_warning_alerts, raise_error_alerts)
VALUES (
  1, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'system', NULL,
  'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 'NONE',
  TRUE, TRUE, FALSE,
  FALSE, TRUE, 'SP', 5120,
  150, 10, 5,
  TRUE, TRUE, TRUE);

CREATE TABLE mailbox (
  id                            BIGINT PRIMARY KEY,
  version                       BIGINT NOT NULL,
  created_on                    TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on                   TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by                   VARCHAR(100) NOT NULL,
  name                          VARCHAR(100) NOT NULL,
  email                         VARCHAR(320) NOT NULL,
  owner_id                      BIGINT REFERENCES app_user (id),
  regarding_user_id             BIGINT REFERENCES app_user (id),
  regarding_queue_id            BIGINT REFERENCES mail_queue (id),
  profile_id                    BIGINT REFERENCES email_server_profile (id),
  incoming_delivery_method      VARCHAR(20) NOT NULL,
  outgoing_delivery_method      VARCHAR(20) NOT NULL,
  appointments_delivery_method  VARCHAR(20) NOT NULL,
  username                      VARCHAR(320),
  -- <key id>:<base64(iv | AES-GCM ciphertext | tag)>, never clear text
  password                      VARCHAR(1000),
  allow_credential_use          BOOLEAN NOT NULL,
  approval_status               VARCHAR(20) NOT NULL,
  approval_decided_by           VARCHAR(100),
  approval_decided_on           TIMESTAMP WITH TIME ZONE,
  enabled_for_incoming          BOOLEAN NOT NULL,
  enabled_for_outgoing          BOOLEAN NOT NULL,
  incoming_status               VARCHAR(20) NOT NULL,
  outgoing_status               VARCHAR(20) NOT NULL,
  appointments_status           VARCHAR(20) NOT NULL,
  test_completed_on             TIMESTAMP WITH TIME ZONE,
  test_attempted_by             VARCHAR(100),
  test_attempted_on             TIMESTAMP WITH TIME ZONE,
  process_email_received_after  TIMESTAMP WITH TIME ZONE,
  delete_email_after_processing BOOLEAN NOT NULL,
  folders                       VARCHAR(2000) NOT NULL,
  next_incoming_poll_at         TIMESTAMP WITH TIME ZONE,
  sending_postponed_until       TIMESTAMP WITH TIME ZONE,
  last_sync_started_on          TIMESTAMP WITH TIME ZONE,
  last_sync_succeeded_on        TIMESTAMP WITH TIME ZONE,
  items_processed_last_cycle    INTEGER NOT NULL,
  items_failed_last_cycle       INTEGER NOT NULL,
  last_error_code               VARCHAR(60),
  last_error_text               VARCHAR(2000),
  consecutive_errors            INTEGER NOT NULL,
  transient_failures            INTEGER NOT NULL,
  lease_owner                   VARCHAR(100),
  lease_until                   TIMESTAMP WITH TIME ZONE,
  active                        BOOLEAN NOT NULL,
  CONSTRAINT mailbox_regarding_one CHECK ((regarding_user_id IS NULL) <> (regarding_queue_id IS NULL)),
  CONSTRAINT mailbox_regarding_user_unique UNIQUE (regarding_user_id),
  CONSTRAINT mailbox_regarding_queue_unique UNIQUE (regarding_queue_id)
);
CREATE INDEX mailbox_owner ON mailbox (owner_id);
CREATE INDEX mailbox_profile ON mailbox (profile_id);
CREATE INDEX mailbox_next_poll ON mailbox (next_incoming_poll_at);

CREATE TABLE audit_entry (
  id          BIGINT PRIMARY KEY,
  occurred_on TIMESTAMP WITH TIME ZONE NOT NULL,
  actor       VARCHAR(100) NOT NULL,
  action      VARCHAR(40) NOT NULL,
  object_type VARCHAR(40) NOT NULL,
  object_id   BIGINT,
  summary     VARCHAR(2000)
);
CREATE INDEX audit_entry_object ON audit_entry (object_type, object_id);
