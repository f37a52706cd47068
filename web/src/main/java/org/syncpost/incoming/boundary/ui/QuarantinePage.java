package org.syncpost.incoming.boundary.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.syncpost.incoming.boundary.Quarantine;
import org.syncpost.incoming.entity.QuarantinedMessage;
import org.syncpost.paging.boundary.ui.PagedRows;
import org.syncpost.validation.boundary.ui.FacesFeedback;

/**
 * Received messages that could not become email records, with the reason, a page at a time; a retry
 * parses one again (after an upgrade, or a larger size limit).
 */
@Named
@ViewScoped
public class QuarantinePage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "quarantine";

  @Inject transient Quarantine quarantine;
  @Inject transient FacesFeedback feedback;

  private Long mailboxId;
  private final PagedRows<QuarantinedMessage> rows =
      new PagedRows<>(this::load, this::count, QuarantinedMessage::getId);

  private List<QuarantinedMessage> load(int offset, int limit) {
    List<QuarantinedMessage> page =
        feedback.attempt(FORM, () -> quarantine.list(mailboxId, offset, limit));
    return page == null ? List.of() : page;
  }

  private long count() {
    Long total = feedback.attempt(FORM, () -> quarantine.count(mailboxId));
    return total == null ? 0 : total;
  }

  public void retry(QuarantinedMessage message) {
    QuarantinedMessage retried = feedback.attempt(FORM, () -> quarantine.retry(message.getId()));
    if (retried == null) {
      return;
    }
    if (retried.isOpen()) {
      feedback.error(
          "Message " + retried.getId() + " still cannot be read: " + retried.getReason());
    } else {
      feedback.info(
          "Message " + retried.getId() + " is now email record " + retried.getEmailId() + ".");
    }
  }

  public PagedRows<QuarantinedMessage> getRows() {
    return rows;
  }

  public Long getMailboxId() {
    return mailboxId;
  }

  public void setMailboxId(Long mailboxId) {
    this.mailboxId = mailboxId;
  }
}
