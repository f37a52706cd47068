-- Issue 17: Idempotency-Key on POST /api/v1/emails and clientRequestId on SOAP sendEmail.
-- One row per caller, operation and key for 24 hours, written in the transaction that creates
-- the email: the unique constraint (not a check before the insert) makes a second, racing request
-- with the same key fail instead of creating a second email. The first answer is kept so that a
-- retry gets it again.
CREATE SEQUENCE idempotent_request_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE idempotent_request (
  id              BIGINT PRIMARY KEY,
  caller          VARCHAR(255) NOT NULL,
  operation       VARCHAR(40) NOT NULL,
  request_key     VARCHAR(255) NOT NULL,
  fingerprint     VARCHAR(64) NOT NULL,
  created_on      TIMESTAMP WITH TIME ZONE NOT NULL,
  answer_status   INTEGER,
  answer_location VARCHAR(2000),
  resource_id     BIGINT,
  answer_body     VARCHAR,
  CONSTRAINT idempotent_request_once UNIQUE (caller, operation, request_key)
);

-- The hourly purge deletes by age.
CREATE INDEX idempotent_request_created ON idempotent_request (created_on);
