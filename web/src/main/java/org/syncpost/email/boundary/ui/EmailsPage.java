package org.syncpost.email.boundary.ui;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.primefaces.component.datatable.DataTable;
import org.syncpost.email.boundary.Emails;
import org.syncpost.email.entity.Direction;
import org.syncpost.email.entity.EmailFilter;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.EmailStatus;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.paging.boundary.ui.PagedRows;
import org.syncpost.validation.boundary.ui.FacesFeedback;

/**
 * Email records, incoming or outgoing, a page at a time: by status, subject, sender, date range and
 * mailbox. Dates are whole days in UTC, the "to" day included.
 */
@Named
@ViewScoped
public class EmailsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "records";

  @Inject transient Emails emails;
  @Inject transient Mailboxes mailboxes;
  @Inject transient FacesFeedback feedback;

  private Direction direction = Direction.INCOMING;
  private EmailStatus status;
  private String subject;
  private String sender;
  private LocalDate fromDay;
  private LocalDate toDay;
  private Long mailboxId;
  private String mailboxName;
  private final PagedRows<EmailRecord> rows =
      new PagedRows<>(this::load, this::count, EmailRecord::getId);

  /** After the view parameters: the name of the mailbox the list is limited to. */
  public void open() {
    if (mailboxId != null && !FacesContext.getCurrentInstance().isPostback()) {
      Mailbox mailbox = feedback.attempt(FORM, () -> mailboxes.find(mailboxId));
      mailboxName = mailbox == null ? "mailbox " + mailboxId : mailbox.getName();
    }
  }

  /** A filter changed: back to the first page. */
  public void search() {
    UIComponent table =
        FacesContext.getCurrentInstance().getViewRoot().findComponent(FORM + ":table");
    if (table instanceof DataTable dataTable) {
      dataTable.setFirst(0);
    }
  }

  private List<EmailRecord> load(int offset, int limit) {
    List<EmailRecord> page = feedback.attempt(FORM, () -> emails.list(filter(), offset, limit));
    return page == null ? List.of() : page;
  }

  private long count() {
    Long total = feedback.attempt(FORM, () -> emails.count(filter()));
    return total == null ? 0 : total;
  }

  private EmailFilter filter() {
    return new EmailFilter(
        mailboxId,
        direction,
        status,
        fromDay == null ? null : startOf(fromDay),
        toDay == null ? null : startOf(toDay.plusDays(1)),
        null,
        subject,
        sender);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** When it was received or sent; for an unsent email, when it was written. */
  public Instant when(EmailRecord email) {
    if (email.getReceivedOn() != null) {
      return email.getReceivedOn();
    }
    return email.getSentOn() != null ? email.getSentOn() : email.getCreatedOn();
  }

  public String recipients(EmailRecord email) {
    return String.join(", ", email.getTo());
  }

  public List<Direction> getDirections() {
    return Arrays.asList(Direction.values());
  }

  public List<EmailStatus> getStatuses() {
    return Arrays.asList(EmailStatus.values());
  }

  public PagedRows<EmailRecord> getRows() {
    return rows;
  }

  public Direction getDirection() {
    return direction;
  }

  public void setDirection(Direction direction) {
    this.direction = direction;
  }

  public EmailStatus getStatus() {
    return status;
  }

  public void setStatus(EmailStatus status) {
    this.status = status;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getSender() {
    return sender;
  }

  public void setSender(String sender) {
    this.sender = sender;
  }

  public LocalDate getFromDay() {
    return fromDay;
  }

  public void setFromDay(LocalDate fromDay) {
    this.fromDay = fromDay;
  }

  public LocalDate getToDay() {
    return toDay;
  }

  public void setToDay(LocalDate toDay) {
    this.toDay = toDay;
  }

  public Long getMailboxId() {
    return mailboxId;
  }

  public void setMailboxId(Long mailboxId) {
    this.mailboxId = mailboxId;
  }

  public String getMailboxName() {
    return mailboxName;
  }
}
