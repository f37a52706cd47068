package org.syncpost.paging.boundary.ui;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A table that asks its facade for one page of rows at a time (offset, limit) and for the count, so
 * that a list never loads every row of a large table. The page's own fields say what is filtered;
 * the table's column filters and sorting are not used.
 */
public final class PagedRows<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** One page of rows. */
  @FunctionalInterface
  public interface Rows<T> extends Serializable {
    List<T> load(int offset, int limit);
  }

  /** How many rows there are in all. */
  @FunctionalInterface
  public interface Count extends Serializable {
    long count();
  }

  /** The key that tells one row from the others. */
  @FunctionalInterface
  public interface Key<T> extends Serializable {
    Object of(T row);
  }

  private final Rows<T> rows;
  private final Count total;
  private final Key<T> key;

  public PagedRows(Rows<T> rows, Count total, Key<T> key) {
    this.rows = rows;
    this.total = total;
    this.key = key;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, total.count());
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return rows.load(first, pageSize);
  }

  @Override
  public String getRowKey(T row) {
    return String.valueOf(key.of(row));
  }

  @Override
  public T getRowData(String rowKey) {
    for (T row : getWrappedData()) {
      if (getRowKey(row).equals(rowKey)) {
        return row;
      }
    }
    return null;
  }
}
