package org.syncpost.email.entity;

/**
 * The fields the email list sorts by (the query names the record {@code e}), as the API's {@code
 * sort} names them. Records without the value (an outgoing email has no {@code receivedOn}, a draft
 * no {@code sentOn}) come last in both directions; ties are broken by id so that pages never
 * overlap. {@code STATUS} sorts by the status' name.
 */
public enum EmailSort {
  RECEIVED_ON("e.receivedOn"),
  SENT_ON("e.sentOn"),
  SUBJECT("e.subject"),
  FROM("e.from"),
  STATUS("e.status");

  /** The list's order when none is asked for: newest first by when it was received or sent. */
  public static final String NEWEST_FIRST =
      "coalesce(e.receivedOn, e.sentOn, e.createdOn) desc, e.id desc";

  private final String path;

  EmailSort(String path) {
    this.path = path;
  }

  /** The JPQL order by clause, without the {@code order by}. */
  public String orderBy(boolean descending) {
    String direction = descending ? " desc" : " asc";
    return path + direction + " nulls last, e.id" + direction;
  }
}
