package org.syncpost.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who did what to which object, and when. Written once, never changed. */
@Entity
@Table(name = "audit_entry")
@NamedQuery(
    name = AuditEntry.FOR_OBJECT,
    query =
        "select a from AuditEntry a where (:type is null or a.objectType = :type)"
            + " and (:objectId = 0 or a.objectId = :objectId) order by a.occurredOn desc, a.id desc")
@NamedQuery(
    name = AuditEntry.COUNT_FOR_OBJECT,
    query =
        "select count(a) from AuditEntry a where (:type is null or a.objectType = :type)"
            + " and (:objectId = 0 or a.objectId = :objectId)")
public class AuditEntry {

  public static final String FOR_OBJECT = "AuditEntry.forObject";
  public static final String COUNT_FOR_OBJECT = "AuditEntry.countForObject";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "occurred_on", nullable = false)
  private Instant occurredOn;

  @Column(nullable = false, length = 100)
  private String actor;

  @Column(nullable = false, length = 40)
  private String action;

  @Column(name = "object_type", nullable = false, length = 40)
  private String objectType;

  @Column(name = "object_id")
  private Long objectId;

  @Column(length = 2000)
  private String summary;

  protected AuditEntry() {}

  public AuditEntry(
      Instant occurredOn,
      String actor,
      String action,
      String objectType,
      Long objectId,
      String summary) {
    this.occurredOn = occurredOn;
    this.actor = actor;
    this.action = action;
    this.objectType = objectType;
    this.objectId = objectId;
    this.summary =
        summary == null || summary.length() <= 2000 ? summary : summary.substring(0, 2000);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredOn() {
    return occurredOn;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getObjectType() {
    return objectType;
  }

  public Long getObjectId() {
    return objectId;
  }

  public String getSummary() {
    return summary;
  }
}
