package org.syncpost.paging.entity;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The where clause of a list query, built from criteria that are each optional (a null or blank
 * value leaves its criterion out). Values are always bound as named parameters; only the paths
 * written in the code become part of the JPQL. Only portable functions ({@code lower}, {@code like
 * ... escape}) are used, so the same query runs on H2 and PostgreSQL.
 */
public final class SearchCriteria {

  private final StringBuilder where = new StringBuilder(" where 1 = 1");
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  /** {@code path = :parameter} when {@code value} is given. */
  public SearchCriteria equal(String path, String parameter, Object value) {
    if (value != null) {
      where.append(" and ").append(path).append(" = :").append(parameter);
      parameters.put(parameter, value);
    }
    return this;
  }

  /**
   * Any of {@code paths} contains {@code text}, case-insensitively, when a text is given; {@code %}
   * and {@code _} in it are literal characters, not wildcards.
   */
  public SearchCriteria containing(String parameter, String text, String... paths) {
    if (text == null || text.isBlank()) {
      return this;
    }
    where.append(" and (");
    for (int i = 0; i < paths.length; i++) {
      if (i > 0) {
        where.append(" or ");
      }
      where.append("lower(").append(paths[i]).append(") like :").append(parameter);
      where.append(" escape '\\'");
    }
    where.append(')');
    parameters.put(parameter, pattern(text.strip()));
    return this;
  }

  /** The clause, starting with {@code " where"}. */
  String where() {
    return where.toString();
  }

  /**
   * The query {@code selectFrom} (e.g. {@code "select count(u) from User u"}) restricted by these
   * criteria, then {@code orderBy} (empty, or starting with {@code " order by"}), parameters bound.
   */
  public <T> TypedQuery<T> query(
      EntityManager em, String selectFrom, String orderBy, Class<T> type) {
    TypedQuery<T> query = em.createQuery(selectFrom + where + orderBy, type);
    parameters.forEach(query::setParameter);
    return query;
  }

  /**
   * A {@code like} pattern (escape character {@code \}) matching any text containing {@code text}.
   */
  public static String pattern(String text) {
    String literal =
        text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + literal + "%";
  }

  /**
   * A stable order for paging: by {@code path}, ties broken by {@code idPath}, both the same
   * direction (the JPQL clause without {@code order by}).
   */
  public static String stableOrder(String path, String idPath, boolean descending) {
    String direction = descending ? " desc" : " asc";
    return path + direction + ", " + idPath + direction;
  }
}
