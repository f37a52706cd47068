-- Issue 15, delegated OAuth 2.0: a mailbox of a profile whose grant is AUTHORIZATION_CODE is
-- connected by a person signing in at the provider; SyncPost keeps its refresh token, encrypted by
-- the credential converter (ADR 0003, listed for key rotation), and who connected it when.
-- id: the mailbox's id (one row per mailbox, deleted with it). refused_on: when the authorization
-- server refused the refresh token (invalid_grant) — the mailbox must be connected again.
CREATE TABLE mailbox_delegated_sign_in (
  id            BIGINT PRIMARY KEY REFERENCES mailbox (id) ON DELETE CASCADE,
  version       BIGINT NOT NULL,
  created_on    TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on   TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by   VARCHAR(100) NOT NULL,
  refresh_token VARCHAR(4000),
  connected_by  VARCHAR(100) NOT NULL,
  connected_on  TIMESTAMP WITH TIME ZONE NOT NULL,
  refreshed_on  TIMESTAMP WITH TIME ZONE,
  refused_on    TIMESTAMP WITH TIME ZONE
);
