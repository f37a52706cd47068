package org.syncpost.mailbox.boundary.ui;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.NotFound;

/**
 * Mailboxes by name where a page of a lower capability (a job's results) or a higher one (alerts)
 * holds only their ids; read once per view, as a polling page asks every second.
 */
@Named
@ViewScoped
public class MailboxNames implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String GONE = "A mailbox no longer there";

  @Inject transient Mailboxes mailboxes;

  private final Map<Long, String> names = new HashMap<>();

  /** The mailbox's name; words saying it is gone when it was deleted or is not the viewer's. */
  public String of(Long id) {
    if (id == null) {
      return null;
    }
    return names.computeIfAbsent(id, this::read);
  }

  private String read(long id) {
    try {
      return mailboxes.find(id).getName();
    } catch (NotFound | AccessDenied | EJBAccessException gone) {
      return GONE;
    }
  }
}
