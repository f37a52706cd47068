package org.syncpost.validation.boundary.ui;

import jakarta.ejb.EJBAccessException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.NotFound;

/**
 * Records by name where a page holds only their ids, each read once per view (polling pages ask
 * every second); words saying the record is gone where it was deleted or is not the viewer's.
 */
public abstract class NamesById implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Map<Long, String> names = new HashMap<>();
  private final String gone;

  protected NamesById(String gone) {
    this.gone = gone;
  }

  /** The record's name, or the words saying it is gone; {@code null} for no id. */
  public String of(Long id) {
    if (id == null) {
      return null;
    }
    return names.computeIfAbsent(id, this::readOrGone);
  }

  /** The name of record {@code id} as the viewer may see it. */
  protected abstract String read(long id);

  private String readOrGone(long id) {
    try {
      return read(id);
    } catch (NotFound | AccessDenied | EJBAccessException notTheViewers) {
      return gone;
    }
  }
}
