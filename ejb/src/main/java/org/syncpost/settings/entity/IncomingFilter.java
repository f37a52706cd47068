package org.syncpost.settings.entity;

import java.util.function.BooleanSupplier;

/**
 * Which received messages of a mailbox become email records: the organisation's default, which a
 * user or a queue may override for its own mailbox. A message a mailbox's filter leaves out is
 * counted on the mailbox and left on the mail server untouched.
 */
public enum IncomingFilter {
  /** Every message. */
  ALL_EMAIL {
    @Override
    public boolean takes(BooleanSupplier answersOurEmail, BooleanSupplier fromKnownCorrespondent) {
      return true;
    }
  },
  /**
   * Only answers to email SyncPost sent: its In-Reply-To or References name the Message-ID of an
   * outgoing record, or its subject carries an outgoing record's tracking token.
   */
  RESPONSES_TO_OUR_EMAIL {
    @Override
    public boolean takes(BooleanSupplier answersOurEmail, BooleanSupplier fromKnownCorrespondent) {
      return answersOurEmail.getAsBoolean();
    }
  },
  /**
   * Only mail from a user, a queue or an address that an earlier record of the organisation was
   * from or (sent by SyncPost) to.
   */
  KNOWN_CORRESPONDENTS {
    @Override
    public boolean takes(BooleanSupplier answersOurEmail, BooleanSupplier fromKnownCorrespondent) {
      return fromKnownCorrespondent.getAsBoolean();
    }
  },
  /** No message. */
  NONE {
    @Override
    public boolean takes(BooleanSupplier answersOurEmail, BooleanSupplier fromKnownCorrespondent) {
      return false;
    }
  };

  /**
   * Whether a message becomes a record; the questions are asked only when this filter needs their
   * answer (each costs a query).
   */
  public abstract boolean takes(
      BooleanSupplier answersOurEmail, BooleanSupplier fromKnownCorrespondent);

  /** {@code override} when there is one, else the organisation's {@code byDefault}. */
  public static IncomingFilter effective(IncomingFilter override, IncomingFilter byDefault) {
    if (override != null) {
      return override;
    }
    return byDefault == null ? ALL_EMAIL : byDefault;
  }
}
