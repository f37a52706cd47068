package org.syncpost.mailbox.entity;

/** The outcome of the last test of one direction of a mailbox. */
public enum TestStatus {
  NOT_RUN,
  SUCCESS,
  FAILURE
}
