package org.syncpost.idempotency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A request a caller marked with a key (REST {@code Idempotency-Key}, SOAP {@code
 * clientRequestId}): the same key within {@link #KEPT} answers what the first request answered; a
 * different request under the same key is refused.
 */
@Entity
@Table(name = "idempotent_request")
@NamedQuery(
    name = IdempotentRequest.LIVE,
    query =
        "select r from IdempotentRequest r where r.caller = :caller and r.operation = :operation"
            + " and r.requestKey = :key and r.createdOn >= :since")
@NamedQuery(
    name = IdempotentRequest.EXPIRED_KEY,
    query =
        "delete from IdempotentRequest r where r.caller = :caller and r.operation = :operation"
            + " and r.requestKey = :key and r.createdOn < :since")
@NamedQuery(
    name = IdempotentRequest.EXPIRED,
    query = "delete from IdempotentRequest r where r.createdOn < :since")
public class IdempotentRequest {

  public static final String LIVE = "IdempotentRequest.live";
  public static final String EXPIRED_KEY = "IdempotentRequest.expiredKey";
  public static final String EXPIRED = "IdempotentRequest.expired";

  /** How long a key is remembered. */
  public static final Duration KEPT = Duration.ofHours(24);

  /** The longest key accepted (the column's width). */
  public static final int MAX_KEY = 255;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "idempotent_request_seq")
  @SequenceGenerator(
      name = "idempotent_request_seq",
      sequenceName = "idempotent_request_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, length = 255)
  private String caller;

  @Column(nullable = false, length = 40)
  private String operation;

  @Column(name = "request_key", nullable = false, length = MAX_KEY)
  private String requestKey;

  /** SHA-256 (hex) of the request as the interface reads it. */
  @Column(nullable = false, length = 64)
  private String fingerprint;

  @Column(name = "created_on", nullable = false)
  private Instant createdOn;

  @Column(name = "answer_status")
  private Integer answerStatus;

  @Column(name = "answer_location", length = 2000)
  private String answerLocation;

  @Column(name = "resource_id")
  private Long resourceId;

  @Column(name = "answer_body")
  private String answerBody;

  protected IdempotentRequest() {}

  public IdempotentRequest(
      String caller, String operation, String requestKey, String fingerprint, Instant createdOn) {
    this.caller = caller;
    this.operation = operation;
    this.requestKey = requestKey;
    this.fingerprint = fingerprint;
    this.createdOn = createdOn;
  }

  /** The first request's answer is what every repetition gets. */
  public void answered(Answer answer) {
    this.answerStatus = answer.status();
    this.answerLocation = answer.location();
    this.resourceId = answer.resourceId();
    this.answerBody = answer.body();
  }

  /**
   * The first answer, for a repetition of the same request; a different request under this key is
   * the caller's mistake.
   *
   * @param field the header or field that carried the key, named in the refusal
   */
  public Answer answerFor(String otherFingerprint, String field) {
    if (!fingerprint.equals(otherFingerprint)) {
      throw new IdempotencyKeyReused(field, requestKey);
    }
    return new Answer(answerStatus, answerLocation, resourceId, answerBody);
  }

  public Instant getCreatedOn() {
    return createdOn;
  }
}
