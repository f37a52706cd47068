-- Issue 16: delivery status notifications (RFC 3464) about email SyncPost sent are matched to its
-- outgoing record: each recipient's outcome is kept, and a record every recipient of which bounced
-- becomes BOUNCED (status is a VARCHAR: no constraint to change).
ALTER TABLE email_record ADD COLUMN delivery_report VARCHAR;
ALTER TABLE email_record ADD COLUMN bounced_recipients VARCHAR;
