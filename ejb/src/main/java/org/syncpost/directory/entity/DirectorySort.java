package org.syncpost.directory.entity;

import org.syncpost.paging.entity.SearchCriteria;

/**
 * The columns the users and queues lists sort by (the query names the user or queue {@code d});
 * ties are broken by id so that paging is stable.
 */
public enum DirectorySort {
  NAME("d.name"),
  EMAIL("d.email");

  private final String path;

  DirectorySort(String path) {
    this.path = path;
  }

  /** The JPQL order by clause, without the {@code order by}. */
  public String orderBy(boolean descending) {
    return SearchCriteria.stableOrder(path, "d.id", descending);
  }
}
