package org.syncpost.mailbox.entity;

import org.syncpost.paging.entity.SearchCriteria;

/**
 * Which mailboxes a list shows and in what order; every criterion is optional (null: any). Texts
 * match case-insensitively anywhere in the value; {@code text} searches name, email address and
 * user name at once.
 */
public record MailboxFilter(
    String text,
    String name,
    String email,
    String profileName,
    ApprovalStatus approval,
    TestStatus incomingStatus,
    TestStatus outgoingStatus,
    MailboxSort sortBy,
    boolean descending) {

  /** Every mailbox, by name. */
  public static final MailboxFilter ALL =
      new MailboxFilter(null, null, null, null, null, null, null, MailboxSort.NAME, false);

  /**
   * The criteria over {@code Mailbox m left join m.profile p}; the caller adds the owner
   * restriction.
   */
  public SearchCriteria criteria() {
    return new SearchCriteria()
        .containing("text", text, "m.name", "m.email", "m.credentials.username")
        .containing("name", name, "m.name")
        .containing("email", email, "m.email")
        .containing("profileName", profileName, "p.name")
        .equal("m.approval.status", "approval", approval)
        .equal("m.sync.incoming.status", "incomingStatus", incomingStatus)
        .equal("m.outgoing.status", "outgoingStatus", outgoingStatus);
  }

  /** Why a bulk action on all of {@code matching} mailboxes is refused, and what to do instead. */
  public static String tooMany(long matching, int most) {
    return String.format(
        "%,d mailboxes match; one action takes at most %,d. Narrow the list with the filters"
            + " (profile, approval, status) and act on each part.",
        matching, most);
  }

  public String orderBy() {
    return (sortBy == null ? MailboxSort.NAME : sortBy).orderBy(descending);
  }
}
