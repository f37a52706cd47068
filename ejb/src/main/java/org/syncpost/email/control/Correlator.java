package org.syncpost.email.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.syncpost.email.entity.CorrelationMethod;
import org.syncpost.email.entity.DeliveryReport;
import org.syncpost.email.entity.Direction;
import org.syncpost.email.entity.EmailContent;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.email.entity.TrackingToken;

/**
 * Finds the conversation a received email belongs to: first by its In-Reply-To, then by its
 * References (newest first), both against Message-IDs SyncPost knows; then, when the organisation
 * has correlation on, by the tracking token in its subject. Runs in the caller's transaction.
 */
@ApplicationScoped
public class Correlator {

  /** What an email correlates to, and how it was found. */
  public record Correlation(EmailRecord earlier, CorrelationMethod method) {}

  @PersistenceContext EntityManager em;

  /**
   * @param trackingTokenPrefix the organisation's prefix, or {@code null} when correlation by
   *     tracking token is off
   */
  public Optional<Correlation> correlate(EmailContent content, String trackingTokenPrefix) {
    Optional<EmailRecord> byReply = byMessageId(content.inReplyTo(), content.messageId());
    if (byReply.isPresent()) {
      return Optional.of(new Correlation(byReply.get(), CorrelationMethod.IN_REPLY_TO));
    }
    List<String> newestFirst = new ArrayList<>(content.references());
    java.util.Collections.reverse(newestFirst);
    for (String reference : newestFirst) {
      Optional<EmailRecord> byReference = byMessageId(reference, content.messageId());
      if (byReference.isPresent()) {
        return Optional.of(new Correlation(byReference.get(), CorrelationMethod.REFERENCES));
      }
    }
    if (trackingTokenPrefix != null) {
      return TrackingToken.findIn(content.subject(), trackingTokenPrefix)
          .flatMap(this::byToken)
          .map(earlier -> new Correlation(earlier, CorrelationMethod.TRACKING_TOKEN));
    }
    return Optional.empty();
  }

  /**
   * The email SyncPost sent that a delivery status notification reports on: by the original's
   * Message-ID the report quotes, else by the tracking token in the original's subject ({@code
   * trackingTokenPrefix} {@code null}: not by token). Empty: the report stays ordinary mail.
   */
  public Optional<EmailRecord> reportedEmail(DeliveryReport report, String trackingTokenPrefix) {
    if (report.originalMessageId() != null) {
      Optional<EmailRecord> byId =
          em.createQuery(
                  "select e from EmailRecord e where e.messageId = :messageId"
                      + " and e.direction = org.syncpost.email.entity.Direction.OUTGOING"
                      + " order by e.id",
                  EmailRecord.class)
              .setParameter("messageId", report.originalMessageId())
              .setMaxResults(1)
              .getResultStream()
              .findFirst();
      if (byId.isPresent()) {
        return byId;
      }
    }
    if (trackingTokenPrefix == null) {
      return Optional.empty();
    }
    return TrackingToken.findIn(report.originalSubject(), trackingTokenPrefix)
        .flatMap(this::byToken)
        .filter(email -> email.getDirection() == Direction.OUTGOING);
  }

  private Optional<EmailRecord> byMessageId(String messageId, String own) {
    if (messageId == null || messageId.equals(own)) {
      return Optional.empty();
    }
    return em.createNamedQuery(EmailRecord.BY_MESSAGE_ID, EmailRecord.class)
        .setParameter("messageId", messageId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private Optional<EmailRecord> byToken(TrackingToken token) {
    return em.createQuery(
            "select e from EmailRecord e where e.trackingToken = :token order by e.id",
            EmailRecord.class)
        .setParameter("token", token.value())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
