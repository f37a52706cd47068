package org.syncpost.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.syncpost.audit.entity.Tracked;
import org.syncpost.settings.entity.IncomingFilter;

/** A shared address (support@, billing@) whose mail is processed for a team; owned by a user. */
@Entity
@Table(name = "mail_queue")
public class Queue extends Tracked {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_queue_seq")
  @SequenceGenerator(name = "mail_queue_seq", sequenceName = "mail_queue_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 320)
  private String email;

  @ManyToOne
  @JoinColumn(name = "owner_id")
  private User owner;

  /** Its mailbox's own filtering method, or {@code null} for the organisation's default. */
  @Enumerated(EnumType.STRING)
  @Column(name = "incoming_filter", length = 30)
  private IncomingFilter incomingFilter;

  /** False once deleted while records still needed its mailbox. */
  @Column(nullable = false)
  private boolean active = true;

  protected Queue() {}

  public Queue(QueueDetails details, User owner) {
    describe(details, owner);
  }

  public void describe(QueueDetails details, User owner) {
    this.name = details.name();
    this.email = details.email();
    this.incomingFilter = details.incomingFilter();
    this.owner = owner;
  }

  /** The queue changed hands; its mailbox is moved along by the caller. */
  /** Kept for the records of its mailbox; it is no longer used. */
  public void deactivate() {
    active = false;
  }

  public boolean isActive() {
    return active;
  }

  public void transferOwnership(User newOwner) {
    this.owner = newOwner;
  }

  @Override
  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public User getOwner() {
    return owner;
  }

  /** Its own filtering method, or {@code null} when it follows the organisation's default. */
  public IncomingFilter getIncomingFilter() {
    return incomingFilter;
  }
}
