package org.syncpost.mailbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.validation.entity.Violation;

/**
 * Keeps every mailbox address unique: incoming mail is matched to its mailbox by address, so two
 * mailboxes with one address would each see the other's mail.
 */
@ApplicationScoped
public class MailboxAddresses {

  @PersistenceContext EntityManager em;

  /**
   * A violation on {@code field} when another mailbox than {@code own} already has {@code email}.
   */
  public Optional<Violation> conflictFor(String field, String email, Mailbox own) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return em.createNamedQuery(Mailbox.WITH_EMAIL, Mailbox.class)
        .setParameter("email", email.strip())
        .getResultStream()
        .filter(other -> own == null || !other.getId().equals(own.getId()))
        .findFirst()
        .map(
            other ->
                new Violation(
                    field,
                    "the mailbox '"
                        + other.getName()
                        + "' already uses "
                        + email.strip()
                        + "; each mailbox needs its own address"));
  }
}
