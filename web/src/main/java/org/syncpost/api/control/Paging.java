package org.syncpost.api.control;

import org.syncpost.validation.entity.InvalidInput;

/** {@code offset} and {@code limit} of a list request, checked. */
public record Paging(int offset, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  public static Paging of(Integer offset, Integer limit) {
    int o = offset == null ? 0 : offset;
    int l = limit == null ? DEFAULT_LIMIT : limit;
    if (o < 0) {
      throw InvalidInput.of("offset", "must be 0 or more");
    }
    if (l < 1 || l > MAX_LIMIT) {
      throw InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return new Paging(o, l);
  }
}
