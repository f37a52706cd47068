package org.syncpost.directory.boundary.ui;

import java.util.Map;
import org.syncpost.directory.entity.DirectoryFilter;
import org.syncpost.directory.entity.DirectorySort;
import org.syncpost.directory.entity.Removal;
import org.syncpost.paging.boundary.ui.PagedRows;
import org.syncpost.paging.boundary.ui.PagedRows.Columns;

/**
 * What the directory page's two tables, users and queues, share: the filter their columns ask for
 * and the words after a row was removed.
 */
final class DirectoryTables {

  /** The form of the directory page, where messages show. */
  static final String FORM = "directory";

  private static final Map<String, DirectorySort> SORTS =
      Map.of("name", DirectorySort.NAME, "email", DirectorySort.EMAIL);

  private DirectoryTables() {}

  static DirectoryFilter filter(PagedRows<?> rows) {
    Columns columns = rows.columns();
    return new DirectoryFilter(
        columns.search(),
        columns.text("name"),
        columns.text("email"),
        columns.sort(SORTS, DirectorySort.NAME),
        columns.descending());
  }

  static String removed(String kind, String name, Removal removal) {
    return removal == Removal.DELETED
        ? kind + " '" + name + "' deleted, with its mailbox."
        : kind
            + " '"
            + name
            + "' deactivated, not deleted: email records belong to its mailbox, which now"
            + " neither receives nor sends.";
  }
}
