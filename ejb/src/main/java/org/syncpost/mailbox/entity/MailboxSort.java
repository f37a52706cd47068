package org.syncpost.mailbox.entity;

import org.syncpost.paging.entity.SearchCriteria;

/**
 * The columns the mailboxes list sorts by; ties are broken by id so that paging is stable. The
 * query joins the profile as {@code p} (left: mailboxes without one are listed too).
 */
public enum MailboxSort {
  NAME("m.name"),
  EMAIL("m.email"),
  PROFILE("p.name"),
  APPROVAL("m.approval.status"),
  INCOMING_STATUS("m.sync.incoming.status"),
  OUTGOING_STATUS("m.outgoing.status"),
  ENABLED("m.sync.incoming.enabled");

  private final String path;

  MailboxSort(String path) {
    this.path = path;
  }

  /** The JPQL order by clause, without the {@code order by}. */
  public String orderBy(boolean descending) {
    return SearchCriteria.stableOrder(path, "m.id", descending);
  }
}
