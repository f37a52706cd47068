-- Issue 16: known correspondents imported over REST (e.g. from a CRM). The incoming filter
-- KNOWN_CORRESPONDENTS takes mail from these addresses as from users, queues and earlier senders.
-- address: bare, lower case (as Correspondents compares); source: where the list came from.
CREATE SEQUENCE known_correspondent_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE known_correspondent (
  id          BIGINT PRIMARY KEY,
  version     BIGINT NOT NULL,
  created_on  TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_on TIMESTAMP WITH TIME ZONE NOT NULL,
  modified_by VARCHAR(100) NOT NULL,
  address     VARCHAR(320) NOT NULL,
  source      VARCHAR(200),
  CONSTRAINT known_correspondent_address UNIQUE (address)
);
