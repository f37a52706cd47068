package org.syncpost.settings.entity;

import org.syncpost.validation.entity.Violation;

/**
 * IMAP, POP3 and SMTP carry mail only: appointments, contacts and tasks cannot be synchronised with
 * such servers, so "server-side synchronization" for them is refused wherever it is chosen.
 */
public final class AppointmentsNotSupported {

  private AppointmentsNotSupported() {}

  public static boolean isRefused(DeliveryMethod appointments) {
    return appointments == DeliveryMethod.SERVER_SIDE_SYNC;
  }

  public static Violation violation(String field) {
    return new Violation(
        field,
        "appointments, contacts and tasks cannot be synchronised with IMAP/SMTP or POP3/SMTP"
            + " servers; choose NONE");
  }
}
