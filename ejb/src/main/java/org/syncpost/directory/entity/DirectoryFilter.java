package org.syncpost.directory.entity;

import org.syncpost.paging.entity.SearchCriteria;

/**
 * Which users (or queues) a list shows and in what order; every criterion is optional (null: any).
 * Texts match case-insensitively anywhere in the value; {@code text} searches name and email
 * address at once.
 */
public record DirectoryFilter(
    String text, String name, String email, DirectorySort sortBy, boolean descending) {

  /** Everyone, by name. */
  public static final DirectoryFilter ALL =
      new DirectoryFilter(null, null, null, DirectorySort.NAME, false);

  /** The criteria over a user or queue named {@code d} in the query. */
  public SearchCriteria criteria() {
    return new SearchCriteria()
        .containing("text", text, "d.name", "d.email")
        .containing("name", name, "d.name")
        .containing("email", email, "d.email");
  }

  public String orderBy() {
    return (sortBy == null ? DirectorySort.NAME : sortBy).orderBy(descending);
  }
}
