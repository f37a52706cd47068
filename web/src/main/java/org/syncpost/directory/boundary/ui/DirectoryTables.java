package org.syncpost.directory.boundary.ui;

import jakarta.faces.context.FacesContext;
import java.util.Map;
import org.primefaces.PrimeFaces;
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

  /** The queue dialog's fields, apart from the user dialog's (both have a name and an email). */
  static final String QUEUE_FIELDS = "directory:queue";

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

  /**
   * A saved dialog closes and the page shows the outcome under the tab it was opened from; a
   * refused one stays open, its errors inside it (re-rendering the form would hide it).
   */
  static void closeWhenSaved(String dialog, String table) {
    if (!FacesContext.getCurrentInstance().isValidationFailed()) {
      PrimeFaces.current().executeScript("PF('" + dialog + "').hide()");
      PrimeFaces.current().ajax().update("directory:messages", table);
    }
  }
}
