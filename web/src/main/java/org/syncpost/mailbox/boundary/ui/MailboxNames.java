package org.syncpost.mailbox.boundary.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.validation.boundary.ui.NamesById;

/**
 * Mailboxes by name where a page of a lower capability (a job's results) or a higher one (alerts)
 * holds only their ids.
 */
@Named
@ViewScoped
public class MailboxNames extends NamesById {

  private static final long serialVersionUID = 1L;
  static final String GONE = "A mailbox no longer there";

  @Inject transient Mailboxes mailboxes;

  public MailboxNames() {
    super(GONE);
  }

  @Override
  protected String read(long id) {
    return mailboxes.find(id).getName();
  }
}
