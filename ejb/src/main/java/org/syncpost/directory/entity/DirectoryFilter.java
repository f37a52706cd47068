package org.syncpost.directory.entity;

import jakarta.persistence.EntityManager;
import java.util.List;
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

  /**
   * One page of the {@code type} entities ({@link User} or {@link Queue}) this filter selects,
   * filtered, sorted and paged by the database.
   */
  public <T> List<T> page(EntityManager em, Class<T> type, int offset, int limit) {
    return criteria()
        .query(em, "select d from " + entityName(type) + " d", " order by " + orderBy(), type)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** How many {@code type} entities this filter selects. */
  public long count(EntityManager em, Class<?> type) {
    return criteria()
        .query(em, "select count(d) from " + entityName(type) + " d", "", Long.class)
        .getSingleResult();
  }

  private static String entityName(Class<?> type) {
    if (type != User.class && type != Queue.class) {
      throw new IllegalArgumentException(type + " is neither a user nor a queue");
    }
    return type.getSimpleName();
  }

  /** The criteria over a user or queue named {@code d} in the query. */
  private SearchCriteria criteria() {
    return new SearchCriteria()
        .containing("text", text, "d.name", "d.email")
        .containing("name", name, "d.name")
        .containing("email", email, "d.email");
  }

  private String orderBy() {
    return (sortBy == null ? DirectorySort.NAME : sortBy).orderBy(descending);
  }
}
