package org.syncpost.paging.boundary.ui;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A table that asks its facade for one page of rows at a time (offset, limit) and for the count, so
 * that a list never loads every row of a large table. The table's column filters, its global filter
 * and its sort are kept as {@link Columns} for the page to pass to its facade as query parameters:
 * the database filters and sorts, never this model.
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

  /**
   * The row with a key, or null: a selected row on another page than the one shown, so that a
   * selection survives paging.
   */
  @FunctionalInterface
  public interface Find<T> extends Serializable {
    T find(String key);
  }

  /**
   * What the table's filters and sort ask for, by field ({@code filterBy="#{m.name}"} is {@code
   * name}; the global filter is {@link FilterMeta#GLOBAL_FILTER_KEY}): only filters with a value
   * are present.
   */
  public record Columns(Map<String, String> filters, String sortField, boolean descending)
      implements Serializable {

    public static final Columns NONE = new Columns(Map.of(), null, false);

    public String text(String field) {
      return filters.get(field);
    }

    /** The global filter's text, or null. */
    public String search() {
      return text(FilterMeta.GLOBAL_FILTER_KEY);
    }

    /** The constant a select filter chose, or null for none (or one the type does not have). */
    public <E extends Enum<E>> E choice(String field, Class<E> type) {
      String name = text(field);
      if (name == null) {
        return null;
      }
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(name)) {
          return constant;
        }
      }
      return null;
    }

    /** The value {@code sorts} maps the sort field to, or {@code otherwise} when none applies. */
    public <S> S sort(Map<String, S> sorts, S otherwise) {
      return sortField == null ? otherwise : sorts.getOrDefault(sortField, otherwise);
    }
  }

  private final Rows<T> rows;
  private final Count total;
  private final Key<T> key;
  private final Find<T> find;
  private Columns columns = Columns.NONE;

  /**
   * Rows filtered by the page's own fields or by the table's ({@link #columns()}); a selection
   * covers only the page shown.
   */
  public PagedRows(Rows<T> rows, Count total, Key<T> key) {
    this(rows, total, key, null);
  }

  /**
   * Rows filtered and sorted by the table's columns (read through {@link #columns()}), selectable
   * across pages: {@code find} gives a selected row that is not on the page shown.
   */
  public PagedRows(Rows<T> rows, Count total, Key<T> key, Find<T> find) {
    this.rows = rows;
    this.total = total;
    this.key = key;
    this.find = find;
  }

  /** The filters and sort the table last asked for. */
  public Columns columns() {
    return columns;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    columns = new Columns(filters(filterBy), columns.sortField(), columns.descending());
    return (int) Math.min(Integer.MAX_VALUE, total.count());
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    SortMeta sort =
        sortBy == null
            ? null
            : sortBy.values().stream()
                .filter(meta -> meta.isActive() && meta.getOrder() != SortOrder.UNSORTED)
                .findFirst()
                .orElse(null);
    columns =
        new Columns(
            filters(filterBy),
            sort == null ? null : sort.getField(),
            sort != null && sort.getOrder() == SortOrder.DESCENDING);
    return rows.load(first, pageSize);
  }

  private static Map<String, String> filters(Map<String, FilterMeta> filterBy) {
    Map<String, String> filters = new LinkedHashMap<>();
    if (filterBy != null) {
      filterBy.forEach(
          (column, meta) -> {
            Object value = meta.getFilterValue();
            String text =
                value instanceof Enum<?> constant
                    ? constant.name()
                    : value == null ? null : String.valueOf(value);
            if (text != null && !text.isBlank()) {
              filters.put(
                  meta.isGlobalFilter() ? FilterMeta.GLOBAL_FILTER_KEY : meta.getField(),
                  text.strip());
            }
          });
    }
    return Map.copyOf(filters);
  }

  @Override
  public String getRowKey(T row) {
    return String.valueOf(key.of(row));
  }

  @Override
  public T getRowData(String rowKey) {
    List<T> shown = getWrappedData();
    if (shown != null) {
      for (T row : shown) {
        if (getRowKey(row).equals(rowKey)) {
          return row;
        }
      }
    }
    return find == null ? null : find.find(rowKey);
  }
}
