package org.syncpost.email.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.nio.file.Path;

/**
 * A file attached to an email (regular or inline). Its content is loaded only when asked for; an
 * attachment over the organisation's size limit is kept out, with the reason, and has no content.
 */
@Entity
@Table(name = "email_attachment")
public class Attachment {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "email_attachment_seq")
  @SequenceGenerator(
      name = "email_attachment_seq",
      sequenceName = "email_attachment_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "email_id")
  private EmailRecord email;

  /** Order in the message, from 0: the {@code n} of {@code /emails/{id}/attachments/{n}}. */
  @Column(nullable = false)
  private int position;

  @Column(name = "file_name", length = 1000)
  private String fileName;

  @Column(name = "content_type", nullable = false, length = 255)
  private String contentType;

  @Column(name = "content_id", length = 1000)
  private String contentId;

  @Column(name = "is_inline", nullable = false)
  private boolean inline;

  @Column(nullable = false)
  private long size;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  private byte[] content;

  @Column(name = "omitted_reason", length = 1000)
  private String omittedReason;

  /** Content still in a temporary file, streamed into {@code content} after the insert. */
  @Transient private Path spooled;

  protected Attachment() {}

  Attachment(EmailRecord email, int position, AttachmentData data) {
    this.email = email;
    this.position = position;
    this.fileName = data.fileName();
    this.contentType = data.contentType();
    this.contentId = data.contentId();
    this.inline = data.inline();
    this.size = data.size();
    this.content = data.content();
    this.omittedReason = data.omittedReason();
    this.spooled = data.spooled();
  }

  /** The temporary file whose bytes are this attachment's content, until they are stored. */
  public Path getSpooled() {
    return spooled;
  }

  public Long getId() {
    return id;
  }

  public EmailRecord getEmail() {
    return email;
  }

  public int getPosition() {
    return position;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public String getContentId() {
    return contentId;
  }

  public boolean isInline() {
    return inline;
  }

  public long getSize() {
    return size;
  }

  public byte[] getContent() {
    return content;
  }

  public boolean isOmitted() {
    return omittedReason != null;
  }

  public String getOmittedReason() {
    return omittedReason;
  }
}
