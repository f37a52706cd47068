-- Alerts (de-duplicated by regarding objects and code) and background jobs with per-mailbox results.
-- Portable between H2 2 and PostgreSQL 15; sequences as in V1 (start 50, step 50).

CREATE SEQUENCE alert_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE job_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE job_item_seq START WITH 50 INCREMENT BY 50;

-- An alert about a mailbox and/or a profile (neither: about the whole organisation). Alerts go with
-- the mailbox or profile they are about; a recipient who is deleted is simply no longer one.
CREATE TABLE alert (
  id               BIGINT PRIMARY KEY,
  version          BIGINT NOT NULL,
  created_on       TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on      TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by      VARCHAR(100) NOT NULL,
  alert_level      VARCHAR(20) NOT NULL,
  mailbox_id       BIGINT REFERENCES mailbox (id) ON DELETE CASCADE,
  profile_id       BIGINT REFERENCES email_server_profile (id) ON DELETE CASCADE,
  code             VARCHAR(60) NOT NULL,
  alert_text       VARCHAR(2000) NOT NULL,
  advice           VARCHAR(2000),
  details          VARCHAR(4000),
  mailbox_owner_id BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  profile_owner_id BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  raised_count     INTEGER NOT NULL,
  first_raised_on  TIMESTAMP WITH TIME ZONE NOT NULL,
  last_raised_on   TIMESTAMP WITH TIME ZONE NOT NULL,
  dismissed_by     VARCHAR(100),
  dismissed_on     TIMESTAMP WITH TIME ZONE,
  -- "<mailbox>/<profile>/<code>" while the alert is open, NULL once dismissed: at most one open
  -- alert per regarding object(s) and code. A plain UNIQUE constraint, because partial unique
  -- indexes are written differently in H2 and PostgreSQL; both let any number of rows be NULL.
  dedup_key        VARCHAR(200),
  CONSTRAINT alert_dedup_key_unique UNIQUE (dedup_key),
  CONSTRAINT alert_count_positive CHECK (raised_count >= 1),
  CONSTRAINT alert_open_or_dismissed CHECK ((dedup_key IS NULL) = (dismissed_on IS NOT NULL))
);
CREATE INDEX alert_mailbox ON alert (mailbox_id);
CREATE INDEX alert_profile ON alert (profile_id);
CREATE INDEX alert_mailbox_owner ON alert (mailbox_owner_id);
CREATE INDEX alert_profile_owner ON alert (profile_owner_id);
CREATE INDEX alert_last_raised ON alert (last_raised_on);

CREATE TABLE job (
  id           BIGINT PRIMARY KEY,
  version      BIGINT NOT NULL,
  created_on   TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on  TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by  VARCHAR(100) NOT NULL,
  kind         VARCHAR(40) NOT NULL,
  status       VARCHAR(30) NOT NULL,
  total        INTEGER NOT NULL,
  requested_by VARCHAR(100) NOT NULL,
  started_on   TIMESTAMP WITH TIME ZONE,
  finished_on  TIMESTAMP WITH TIME ZONE,
  message      VARCHAR(2000),
  CONSTRAINT job_total_not_negative CHECK (total >= 0)
);
CREATE INDEX job_status ON job (status);

-- One row per mailbox of a job, written when the job starts; outcome and finished_on stay NULL
-- until the mailbox's work is done. mailbox_id has no foreign key: results outlive mailboxes.
CREATE TABLE job_item (
  id          BIGINT PRIMARY KEY,
  version     BIGINT NOT NULL,
  created_on  TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by VARCHAR(100) NOT NULL,
  job_id      BIGINT NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  mailbox_id  BIGINT NOT NULL,
  outcome     VARCHAR(20),
  message     VARCHAR(2000),
  finished_on TIMESTAMP WITH TIME ZONE,
  CONSTRAINT job_item_mailbox_once UNIQUE (job_id, mailbox_id),
  CONSTRAINT job_item_finished CHECK ((outcome IS NULL) = (finished_on IS NULL))
);
