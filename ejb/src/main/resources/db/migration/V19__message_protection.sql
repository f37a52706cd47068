-- Issue 16: how a received message was protected — its S/MIME signature as checked on receipt
-- (VALID, INVALID, UNKNOWN_SIGNER), who signed it, and whether it is encrypted (SMIME, OPENPGP)
-- and so not readable by SyncPost. NULL: not signed, not encrypted (and every earlier record).
ALTER TABLE email_record ADD COLUMN signature VARCHAR(20);
ALTER TABLE email_record ADD COLUMN signer VARCHAR(1000);
ALTER TABLE email_record ADD COLUMN encryption VARCHAR(20);
