package org.syncpost.mailbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.settings.entity.OrganisationSettings;

/** How a mailbox's incoming email, outgoing email and appointments are delivered. Immutable. */
@Embeddable
public class DeliveryMethods {

  @Enumerated(EnumType.STRING)
  @Column(name = "incoming_delivery_method", nullable = false, length = 20)
  private DeliveryMethod incoming;

  @Enumerated(EnumType.STRING)
  @Column(name = "outgoing_delivery_method", nullable = false, length = 20)
  private DeliveryMethod outgoing;

  @Enumerated(EnumType.STRING)
  @Column(name = "appointments_delivery_method", nullable = false, length = 20)
  private DeliveryMethod appointments;

  protected DeliveryMethods() {}

  public DeliveryMethods(
      DeliveryMethod incoming, DeliveryMethod outgoing, DeliveryMethod appointments) {
    this.incoming = incoming;
    this.outgoing = outgoing;
    this.appointments = appointments;
  }

  /** The organisation's default methods, which a new mailbox starts with. */
  static DeliveryMethods defaultsOf(OrganisationSettings defaults) {
    return new DeliveryMethods(
        defaults.getIncomingDeliveryMethod(),
        defaults.getOutgoingDeliveryMethod(),
        defaults.getAppointmentsDeliveryMethod());
  }

  /** Whether incoming email is to be processed by SyncPost at all. */
  public boolean processesIncoming() {
    return incoming == DeliveryMethod.SERVER_SIDE_SYNC;
  }

  /** Whether outgoing email is to be sent by SyncPost at all. */
  public boolean processesOutgoing() {
    return outgoing == DeliveryMethod.SERVER_SIDE_SYNC;
  }

  public DeliveryMethod getIncoming() {
    return incoming;
  }

  public DeliveryMethod getOutgoing() {
    return outgoing;
  }

  public DeliveryMethod getAppointments() {
    return appointments;
  }
}
