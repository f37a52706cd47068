package org.syncpost.email.boundary.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.syncpost.email.boundary.Emails;
import org.syncpost.email.entity.Attachment;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.SanitizedHtml;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.validation.boundary.ui.FacesFeedback;

/**
 * One email record: who, what, its delivery, its conversation and attachments, and its HTML body
 * sanitised in a sandboxed frame (see {@link EmailContentServlet}); remote images only when the
 * person asks for them.
 */
@Named
@ViewScoped
public class EmailPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "email";
  private static final int CONVERSATION_SHOWN = 200;

  @Inject transient Emails emails;
  @Inject transient FacesFeedback feedback;

  private Long id;
  private EmailRecord email;
  private List<EmailRecord> conversation = List.of();
  private List<Attachment> attachments = List.of();
  private List<Mailbox> receivingMailboxes = List.of();
  private int remoteImagesBlocked;
  private boolean remoteImages;

  public void load() {
    if (id == null || FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    email = feedback.attempt(FORM, () -> emails.find(id));
    if (email == null) {
      return;
    }
    conversation =
        emails.conversation(id, CONVERSATION_SHOWN).stream()
            .filter(other -> !other.getId().equals(id))
            .toList();
    attachments = email.getAttachments();
    receivingMailboxes = List.copyOf(email.getReceivingMailboxes());
    if (hasHtmlBody()) {
      SanitizedHtml body = emails.sanitizedHtmlBody(id, false);
      remoteImagesBlocked = body.remoteImagesBlocked();
    }
  }

  /** The person chose to load the images from other servers. */
  public void showRemoteImages() {
    remoteImages = true;
  }

  public boolean hasHtmlBody() {
    return email != null && email.getHtmlBody() != null && !email.getHtmlBody().isBlank();
  }

  public String getHtmlBodyPath() {
    return EmailContentServlet.HTML_PATH + "?id=" + id + (remoteImages ? "&remoteImages=true" : "");
  }

  public String joined(List<String> addresses) {
    return String.join(", ", addresses);
  }

  public String attachmentPath(Attachment attachment) {
    return EmailContentServlet.ATTACHMENT_PATH + "?id=" + id + "&n=" + attachment.getPosition();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public EmailRecord getEmail() {
    return email;
  }

  public List<EmailRecord> getConversation() {
    return conversation;
  }

  public List<Attachment> getAttachments() {
    return attachments;
  }

  public List<Mailbox> getReceivingMailboxes() {
    return receivingMailboxes;
  }

  public int getRemoteImagesBlocked() {
    return remoteImagesBlocked;
  }

  public String getRemoteImagesNote() {
    String images =
        remoteImagesBlocked == 1
            ? "An image from other servers is"
            : remoteImagesBlocked + " images from other servers are";
    return images
        + " not shown: loading them tells the sender that, and when, this email was read.";
  }

  public boolean isRemoteImages() {
    return remoteImages;
  }
}
