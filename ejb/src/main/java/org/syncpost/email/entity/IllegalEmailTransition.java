package org.syncpost.email.entity;

import jakarta.ejb.ApplicationException;
import org.syncpost.validation.entity.NotAllowedNow;

/** An email record was asked to do what its status does not allow (e.g. cancel a sent email). */
@ApplicationException(rollback = true)
public class IllegalEmailTransition extends NotAllowedNow {

  private static final long serialVersionUID = 1L;

  public IllegalEmailTransition(Long id, EmailStatus status, String action, String allowed) {
    super(
        "Email "
            + (id == null ? "(new)" : id)
            + " cannot be "
            + action
            + ": it is "
            + status
            + ", and only an email that is "
            + allowed
            + " can be.");
  }

  @Override
  public String code() {
    return "illegal-email-transition";
  }

  @Override
  public String title() {
    return "Not possible in the email's status";
  }
}
