-- Protocol tracing for one mailbox: while on, the Jakarta Mail sessions of this mailbox write
-- their protocol dialogue (credentials redacted) to the log 'org.syncpost.mailserver.trace'.
-- Read at every new connection, so switching it needs no restart, on any node.
ALTER TABLE mailbox ADD COLUMN protocol_trace BOOLEAN DEFAULT FALSE NOT NULL;
