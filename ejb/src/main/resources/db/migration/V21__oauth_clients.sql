-- Issue 15: an email server profile may sign in to its servers by OAuth 2.0 (XOAUTH2) with access
-- tokens that SyncPost gets as an OAuth client (app-only). Secrets are encrypted by the credential
-- converter like passwords (ADR 0003): the client secret and the private key (PEM, a few KB once
-- encrypted).
ALTER TABLE email_server_profile ADD COLUMN oauth_grant VARCHAR(20);
ALTER TABLE email_server_profile ADD COLUMN oauth_token_endpoint VARCHAR(2000);
ALTER TABLE email_server_profile ADD COLUMN oauth_authorization_endpoint VARCHAR(2000);
ALTER TABLE email_server_profile ADD COLUMN oauth_client_id VARCHAR(320);
ALTER TABLE email_server_profile ADD COLUMN oauth_client_secret VARCHAR(2000);
ALTER TABLE email_server_profile ADD COLUMN oauth_private_key VARCHAR(12000);
ALTER TABLE email_server_profile ADD COLUMN oauth_key_id VARCHAR(200);
ALTER TABLE email_server_profile ADD COLUMN oauth_scopes VARCHAR(1000);
