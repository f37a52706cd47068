package org.syncpost.email.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;
import org.syncpost.email.entity.Direction;
import org.syncpost.email.entity.EmailFilter;
import org.syncpost.email.entity.EmailStatus;

/**
 * Which records a list shows, as the REST filters; absent elements do not filter. {@code offset}
 * and {@code limit} (default 50, at most 1000) page through them, newest first.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    propOrder = {
      "mailboxId",
      "direction",
      "status",
      "since",
      "until",
      "conversationId",
      "offset",
      "limit"
    })
public class EmailQuery {

  public Long mailboxId;
  public Direction direction;
  public EmailStatus status;

  /** Received or sent (or created, for unsent) at or after. */
  public Instant since;

  /** Before. */
  public Instant until;

  public Long conversationId;
  public Integer offset;
  public Integer limit;

  EmailFilter filter() {
    return new EmailFilter(mailboxId, direction, status, since, until, conversationId);
  }
}
