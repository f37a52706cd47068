package org.syncpost.incoming.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.syncpost.email.control.Correlator;
import org.syncpost.email.entity.EmailContent;
import org.syncpost.email.entity.ParsedMessage;
import org.syncpost.email.entity.TrackingToken;

/**
 * The two questions the incoming filter asks of a received message (issue 16): does it answer an
 * email SyncPost sent, and is its sender someone the organisation knows. Runs in the caller's (the
 * {@link IncomingLedger}'s) transaction; asks without flushing the batch's inserts, which are
 * records of received mail and answer neither question for a later message of the same batch except
 * by their sender — a sender first seen in this batch counts from the next batch on.
 */
@ApplicationScoped
public class Correspondents {

  @PersistenceContext EntityManager em;
  @Inject Correlator correlator;

  /**
   * Whether its In-Reply-To or References names the Message-ID of an outgoing record, or its
   * subject carries an outgoing record's tracking token ({@code trackingTokenPrefix} {@code null}:
   * tracking tokens are not looked for).
   */
  public boolean answersOurEmail(ParsedMessage parsed, String trackingTokenPrefix) {
    // a delivery status notification about our email is an answer to it, too
    return answersOurEmail(parsed.content(), trackingTokenPrefix)
        || parsed.deliveryReport() != null
            && correlator.reportedEmail(parsed.deliveryReport(), trackingTokenPrefix).isPresent();
  }

  boolean answersOurEmail(EmailContent content, String trackingTokenPrefix) {
    Set<String> named = new LinkedHashSet<>();
    if (content.inReplyTo() != null) {
      named.add(content.inReplyTo());
    }
    named.addAll(content.references());
    named.remove(content.messageId());
    if (!named.isEmpty()
        && count(
                "select count(e) from EmailRecord e where e.messageId in :ids"
                    + " and e.direction = org.syncpost.email.entity.Direction.OUTGOING",
                "ids",
                List.copyOf(named))
            > 0) {
      return true;
    }
    if (trackingTokenPrefix == null) {
      return false;
    }
    return TrackingToken.findIn(content.subject(), trackingTokenPrefix)
        .map(
            token ->
                count(
                        "select count(e) from EmailRecord e where e.trackingToken = :token"
                            + " and e.direction = org.syncpost.email.entity.Direction.OUTGOING",
                        "token",
                        token.value())
                    > 0)
        .orElse(false);
  }

  /**
   * Whether {@code from} (an RFC 5322 From header) is the address of a user or a queue, an imported
   * known correspondent, the sender of an earlier record, or a recipient of an email SyncPost sent.
   * Case-insensitive, as mail systems treat addresses in practice.
   */
  public boolean isKnown(String from) {
    String address = addressOf(from);
    if (address == null) {
      return false;
    }
    if (count("select count(k) from KnownCorrespondent k where k.address = :a", "a", address) > 0
        || count("select count(u) from User u where lower(u.email) = :a", "a", address) > 0
        || count("select count(q) from Queue q where lower(q.email) = :a", "a", address) > 0) {
      return true;
    }
    // addresses are stored as written ("Name <a@b>"), lists one per line (EmailRecord)
    String like = escaped(address);
    List<?> seen =
        em.createNativeQuery(
                "select 1 from email_record where lower(from_address) = ?1"
                    + " or lower(from_address) like ?2 escape '!'"
                    + " or (direction = 'OUTGOING' and ("
                    + matchesList("to_addresses")
                    + " or "
                    + matchesList("cc_addresses")
                    + "))")
            .setFlushMode(FlushModeType.COMMIT)
            .setParameter(1, address)
            .setParameter(2, "%<" + like + ">")
            .setParameter(3, like)
            .setParameter(4, "%<" + like + ">")
            .setParameter(5, like + "\n%")
            .setParameter(6, "%<" + like + ">\n%")
            .setParameter(7, "%\n" + like)
            .setParameter(8, "%\n" + like + "\n%")
            .setMaxResults(1)
            .getResultList();
    return !seen.isEmpty();
  }

  /** The column holds {@code address} as one of its lines, bare or in angle brackets. */
  private static String matchesList(String column) {
    String lower = "lower(" + column + ")";
    return lower
        + " like ?3 escape '!' or "
        + lower
        + " like ?4 escape '!' or "
        + lower
        + " like ?5 escape '!' or "
        + lower
        + " like ?6 escape '!' or "
        + lower
        + " like ?7 escape '!' or "
        + lower
        + " like ?8 escape '!'";
  }

  private long count(String query, String parameter, Object value) {
    return em.createQuery(query, Long.class)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter(parameter, value)
        .getSingleResult();
  }

  /** The bare address of {@code header}, lower case, or {@code null} when it has none. */
  static String addressOf(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      InternetAddress[] parsed = InternetAddress.parseHeader(header, false);
      if (parsed.length == 0 || parsed[0].getAddress() == null) {
        return null;
      }
      String address = parsed[0].getAddress().strip().toLowerCase(Locale.ROOT);
      return address.isEmpty() ? null : address;
    } catch (AddressException unreadable) {
      return null;
    }
  }

  /**
   * The bare address, lower case, of one entry of an imported list ({@code a@b} or {@code "Name"
   * <a@b>}), or {@code null} when it is not exactly one address with a local part and a domain.
   */
  public static String importable(String entry) {
    if (entry == null || entry.isBlank()) {
      return null;
    }
    try {
      InternetAddress[] parsed = InternetAddress.parseHeader(entry.strip(), true);
      if (parsed.length != 1) {
        return null;
      }
      parsed[0].validate();
      String address = parsed[0].getAddress().toLowerCase(Locale.ROOT);
      int at = address.lastIndexOf('@');
      return at > 0 && at < address.length() - 1 && address.length() <= 320 ? address : null;
    } catch (AddressException notAnAddress) {
      return null;
    }
  }

  /** {@code value} for a LIKE pattern with escape character '!'. */
  public static String escaped(String value) {
    return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
