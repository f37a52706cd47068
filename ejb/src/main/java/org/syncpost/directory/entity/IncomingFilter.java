package org.syncpost.directory.entity;

/** Which incoming messages of a queue become email records. */
public enum IncomingFilter {
  ALL_EMAIL,
  RESPONSES_TO_OUR_EMAIL,
  KNOWN_CORRESPONDENTS,
  NONE
}
