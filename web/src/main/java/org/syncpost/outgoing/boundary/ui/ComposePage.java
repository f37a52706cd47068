package org.syncpost.outgoing.boundary.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.outgoing.boundary.Outbox;
import org.syncpost.outgoing.entity.OutgoingEmail;
import org.syncpost.validation.boundary.ui.FacesFeedback;

/**
 * A person writes an email from a mailbox they may send from (their own; an administrator's any):
 * it is queued through {@link Outbox#create}, the same as {@code POST /api/v1/emails}, so the same
 * checks (who may send, addresses, sizes) and the same engine send it.
 */
@Named
@ViewScoped
public class ComposePage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "compose";

  @Inject transient Outbox outbox;
  @Inject transient Mailboxes mailboxes;
  @Inject transient FacesFeedback feedback;

  private Long mailboxId;
  private String mailboxName;
  private String to;
  private String cc;
  private String subject;
  private String textBody;
  private final List<Upload> attachments = new ArrayList<>();

  /** An attached file, held by the view until the email is sent. */
  public record Upload(String fileName, String contentType, byte[] content)
      implements Serializable {
    public long size() {
      return content.length;
    }
  }

  public void load() {
    if (mailboxId != null && !FacesContext.getCurrentInstance().isPostback()) {
      Mailbox mailbox = feedback.attempt(FORM, () -> mailboxes.find(mailboxId));
      mailboxName = mailbox == null ? null : mailbox.getName();
    }
  }

  public void upload(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    attachments.add(
        new Upload(
            file.getFileName(),
            file.getContentType() == null ? "application/octet-stream" : file.getContentType(),
            file.getContent()));
  }

  public void remove(Upload upload) {
    attachments.remove(upload);
  }

  /** Queues the email; on success shows the mailbox's outgoing records, the new one among them. */
  public String send() {
    OutgoingEmail email =
        new OutgoingEmail(
            mailboxId,
            addresses(to),
            addresses(cc),
            List.of(),
            subject,
            textBody,
            null,
            attachments.stream()
                .map(
                    a ->
                        new AttachmentData(
                            a.fileName(),
                            a.contentType(),
                            null,
                            false,
                            a.content().length,
                            a.content(),
                            null))
                .toList(),
            null,
            false,
            false);
    EmailRecord created = feedback.attempt(FORM, () -> outbox.create(email));
    if (created == null) {
      return null;
    }
    return "/admin/email/emails?faces-redirect=true&direction=OUTGOING&mailbox=" + mailboxId;
  }

  /** Addresses one per line or separated by commas or semicolons, as RFC 5322 strings. */
  static List<String> addresses(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[,;\\r\\n]+"))
        .map(String::strip)
        .filter(a -> !a.isEmpty())
        .toList();
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

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getCc() {
    return cc;
  }

  public void setCc(String cc) {
    this.cc = cc;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getTextBody() {
    return textBody;
  }

  public void setTextBody(String textBody) {
    this.textBody = textBody;
  }

  public List<Upload> getAttachments() {
    return attachments;
  }
}
