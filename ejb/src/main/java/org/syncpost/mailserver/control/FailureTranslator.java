package org.syncpost.mailserver.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.StoreClosedException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.FailureCause;
import org.syncpost.mailserver.entity.MailServerFailure;

/**
 * The one place that reads what Jakarta Mail, the JDK's sockets and TLS threw, and says why in
 * {@link FailureCause} terms. It looks at the whole cause chain ({@code MessagingException} keeps
 * the underlying exception as its cause) and takes the most specific explanation: a certificate
 * problem inside a TLS handshake is reported as that problem, not as "handshake failed".
 */
@ApplicationScoped
public class FailureTranslator {

  /** A reply code at the start of an SMTP response, or after Angus' "response:". */
  private static final Pattern SMTP_REPLY = Pattern.compile("(?:^|response:\\s*)([2-5]\\d\\d)\\b");

  /**
   * Servers saying they are overloaded or limiting us: IMAP response codes of RFC 5530
   * ([UNAVAILABLE], [LIMIT], [INUSE]), POP3's of RFC 2449/3206 ([IN-USE], [SYS/TEMP]) and the usual
   * texts (Dovecot's "Maximum number of connections from user+IP exceeded").
   */
  private static final List<String> BUSY_SIGNS =
      List.of(
          "[unavailable]",
          "[limit]",
          "[inuse]",
          "[in-use]",
          "[sys/temp]",
          "too many connections",
          "too many simultaneous",
          "maximum number of connections",
          "connection limit",
          "try again later",
          "temporarily unavailable",
          "server busy");

  private static final List<String> CLOSED_SIGNS =
      List.of(
          "bye",
          "connection dropped",
          "[eof]",
          "connection closed",
          "connection reset",
          "broken pipe",
          "socket closed",
          "socket is closed",
          "closed by");

  /** What Angus says when the server and the allowed SASL mechanisms have nothing in common. */
  private static final List<String> NO_COMMON_MECHANISM =
      List.of("no authentication mechanism", "mechanism not supported", "unsupported mechanism");

  private record Explanation(FailureCause cause, String what) {}

  /** Told of tokens a mail server refused; {@code null} where no tokens are kept (tests). */
  private final AccessTokens accessTokens;

  /** For callers that keep no access tokens, e.g. tests that sign in with passwords. */
  public FailureTranslator() {
    this(null);
  }

  @Inject
  public FailureTranslator(AccessTokens accessTokens) {
    this.accessTokens = accessTokens;
  }

  /**
   * What went wrong talking to {@code endpoint}, as a failure with cause, plain words and a
   * technical detail scrubbed of the endpoint's password. A refused access token is forgotten, so
   * that the next attempt asks for a new one instead of offering it again until it expires.
   */
  public MailServerFailure translate(Throwable thrown, Endpoint endpoint) {
    if (thrown instanceof MailServerFailure failure) {
      return failure;
    }
    Explanation explanation = explain(thrown, endpoint);
    if (explanation.cause() == FailureCause.TOKEN_REFUSED && accessTokens != null) {
      accessTokens.refused(endpoint.password());
    }
    return MailServerFailure.of(explanation.cause(), endpoint, explanation.what(), thrown);
  }

  /** The cause alone, for callers that only classify. */
  public FailureCause causeOf(Throwable thrown) {
    if (thrown instanceof MailServerFailure failure) {
      return failure.failureCause();
    }
    return explain(thrown, null).cause();
  }

  private Explanation explain(Throwable thrown, Endpoint endpoint) {
    List<Throwable> chain = chainOf(thrown);
    return certificateProblem(chain)
        .or(() -> tlsProblem(chain))
        .or(() -> networkProblem(chain))
        .or(() -> serverBusy(chain))
        .or(() -> authenticationProblem(chain, endpoint))
        .or(() -> folderProblem(chain))
        .or(() -> refusedMessage(chain))
        .or(() -> connectionClosed(chain))
        .orElse(new Explanation(FailureCause.UNKNOWN, null));
  }

  private static Optional<Explanation> certificateProblem(List<Throwable> chain) {
    if (hasPathReason(chain, BasicReason.REVOKED)) {
      return because(FailureCause.CERTIFICATE_REVOKED);
    }
    if (anyMatch(
        chain,
        t ->
            t instanceof CertPathValidatorException path
                && TrustPolicy.isUnknownRevocationStatus(path))) {
      return because(FailureCause.REVOCATION_UNCHECKED);
    }
    if (has(chain, CertificateExpiredException.class)
        || has(chain, CertificateNotYetValidException.class)
        || hasPathReason(chain, BasicReason.EXPIRED)
        || hasPathReason(chain, BasicReason.NOT_YET_VALID)) {
      return because(FailureCause.CERTIFICATE_EXPIRED);
    }
    // the JDK's HostnameChecker (endpoint identification, RFC 6125) and Angus' own check
    if (anyMessage(
        chain,
        "no subject alternative",
        "no name matching",
        "server identity does not match",
        "can't verify identity of server")) {
      return because(FailureCause.CERTIFICATE_WRONG_HOST);
    }
    if (has(chain, CertPathBuilderException.class)
        || has(chain, CertPathValidatorException.class)
        || has(chain, CertificateException.class)) {
      return because(FailureCause.CERTIFICATE_UNTRUSTED);
    }
    return Optional.empty();
  }

  private static Optional<Explanation> tlsProblem(List<Throwable> chain) {
    // a handshake the peer ended without a TLS alert (JDK: "Remote host terminated the handshake",
    // caused by EOF) is a dropped connection, e.g. a busy server or a network cut, handled below
    if (has(chain, SSLHandshakeException.class) && !droppedMidway(chain)) {
      return because(FailureCause.TLS_HANDSHAKE_FAILED);
    }
    // Angus: IMAP "STARTTLS required but not supported by server", SMTP and POP3 "STARTTLS is
    // required but host does not support STARTTLS"
    if (anyMessage(chain, "starttls required", "starttls is required")) {
      return Optional.of(
          new Explanation(FailureCause.TLS_HANDSHAKE_FAILED, "the server does not offer STARTTLS"));
    }
    // an SSLException over a dropped connection is a dropped connection, handled below
    if (has(chain, SSLException.class) && !droppedMidway(chain)) {
      return because(FailureCause.TLS_HANDSHAKE_FAILED);
    }
    return Optional.empty();
  }

  private static boolean droppedMidway(List<Throwable> chain) {
    return has(chain, SocketException.class) || has(chain, EOFException.class);
  }

  private static Optional<Explanation> networkProblem(List<Throwable> chain) {
    if (has(chain, UnknownHostException.class)) {
      return because(FailureCause.HOST_NOT_FOUND);
    }
    if (has(chain, SocketTimeoutException.class)
        || anyMatch(chain, t -> t instanceof ConnectException && mentions(t, "timed out"))
        || anyMatch(
            chain,
            t ->
                t instanceof InterruptedIOException
                    && !(t instanceof ClosedByInterruptException))) {
      return because(FailureCause.TIMEOUT);
    }
    if (has(chain, ConnectException.class)
        || has(chain, NoRouteToHostException.class)
        || has(chain, PortUnreachableException.class)) {
      return because(FailureCause.CONNECTION_REFUSED);
    }
    return Optional.empty();
  }

  private static Optional<Explanation> serverBusy(List<Throwable> chain) {
    boolean transientReply = smtpReplyCode(chain).filter(code -> code / 100 == 4).isPresent();
    if (transientReply || anyMessage(chain, BUSY_SIGNS.toArray(String[]::new))) {
      return because(FailureCause.SERVER_BUSY);
    }
    return Optional.empty();
  }

  private static Optional<Explanation> authenticationProblem(
      List<Throwable> chain, Endpoint endpoint) {
    if (has(chain, ImpersonatingImapStore.NoAuthorizationIdentity.class)) {
      return Optional.of(
          new Explanation(
              FailureCause.IMPERSONATION_REFUSED,
              actingFor(endpoint)
                  + " (the server offers no AUTHENTICATE PLAIN, the only sign-in that names the"
                  + " mailbox to act for)"));
    }
    // RFC 4954 §6: 530 authentication required, 534 mechanism too weak, 535 credentials invalid
    // RFC 3206 §4: POP3's [AUTH] on a later command, as Dovecot answers after a XOAUTH2 refusal
    // that Angus' POP3 took for a success (its XOAUTH2 ignores the server's error challenge)
    if (!has(chain, AuthenticationFailedException.class)
        && !anyMessage(chain, "[auth]")
        && smtpReplyCode(chain)
            .filter(code -> code == 530 || code == 534 || code == 535)
            .isEmpty()) {
      return Optional.empty();
    }
    if (anyMessage(chain, NO_COMMON_MECHANISM.toArray(String[]::new))) {
      String allowed =
          endpoint == null
              ? "the server offers none of the sign-in methods SyncPost may use"
              : "the server offers none of the sign-in methods allowed by the authentication"
                  + " protocol "
                  + endpoint.authProtocol();
      if (endpoint != null && endpoint.authorizationId() != null) {
        return Optional.of(
            new Explanation(
                FailureCause.IMPERSONATION_REFUSED,
                actingFor(endpoint)
                    + " (the server offers no SASL PLAIN sign-in, the only one that names the"
                    + " mailbox to act for)"));
      }
      return Optional.of(new Explanation(FailureCause.UNSUPPORTED_AUTHENTICATION, allowed));
    }
    if (endpoint != null && endpoint.impersonates()) {
      return Optional.of(new Explanation(FailureCause.IMPERSONATION_REFUSED, actingFor(endpoint)));
    }
    if (endpoint != null && endpoint.authProtocol().usesAccessToken()) {
      return Optional.of(
          new Explanation(
              FailureCause.TOKEN_REFUSED,
              "the token given for "
                  + endpoint.username()
                  + XOAuth2Errors.reasonIn(chain.stream().map(Throwable::getMessage).toList())));
    }
    return because(FailureCause.AUTHENTICATION_FAILED);
  }

  private static String actingFor(Endpoint endpoint) {
    return endpoint == null || endpoint.actingFor() == null
        ? "the mailbox"
        : "the mailbox " + endpoint.actingFor();
  }

  private static Optional<Explanation> folderProblem(List<Throwable> chain) {
    return first(chain, FolderNotFoundException.class)
        .map(
            missing -> {
              Folder folder = missing.getFolder();
              String name = folder == null ? null : "'" + folder.getFullName() + "'";
              return new Explanation(FailureCause.FOLDER_NOT_FOUND, name);
            });
  }

  /**
   * 550, 551, 553 or 554 to MAIL FROM, RCPT TO or DATA (RFC 5321 §4.2.3): the server will not take
   * a message from or to this address for this account, which for a mailbox sending to itself means
   * relaying or sending as that address is denied.
   */
  private static Optional<Explanation> refusedMessage(List<Throwable> chain) {
    Set<Integer> refusals = Set.of(550, 551, 553, 554);
    if (!has(chain, SendFailedException.class)
        || smtpReplyCode(chain).filter(refusals::contains).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Explanation(FailureCause.RELAY_REFUSED, addressesIn(chain)));
  }

  private static Optional<Explanation> connectionClosed(List<Throwable> chain) {
    if (has(chain, StoreClosedException.class)
        || has(chain, FolderClosedException.class)
        || has(chain, ConnectionException.class)
        || has(chain, EOFException.class)
        || has(chain, SocketException.class)
        || anyMessage(chain, CLOSED_SIGNS.toArray(String[]::new))) {
      return because(FailureCause.CONNECTION_CLOSED);
    }
    return Optional.empty();
  }

  private static String addressesIn(List<Throwable> chain) {
    Set<String> addresses = new LinkedHashSet<>();
    for (Throwable t : chain) {
      if (t instanceof SMTPAddressFailedException failed) {
        addresses.add(failed.getAddress().toString());
      } else if (t instanceof SMTPSenderFailedException failed) {
        addresses.add(failed.getAddress().toString());
      } else if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null) {
        Arrays.stream(failed.getInvalidAddresses()).map(Address::toString).forEach(addresses::add);
      }
    }
    return addresses.isEmpty()
        ? null
        : addresses.stream().collect(Collectors.joining(", ", "for ", ""));
  }

  /** The SMTP reply code, from Angus' exceptions or from the response text. */
  private static Optional<Integer> smtpReplyCode(List<Throwable> chain) {
    for (Throwable t : chain) {
      if (t instanceof SMTPSendFailedException failed && failed.getReturnCode() > 0) {
        return Optional.of(failed.getReturnCode());
      }
      if (t instanceof SMTPAddressFailedException failed && failed.getReturnCode() > 0) {
        return Optional.of(failed.getReturnCode());
      }
      if (t instanceof SMTPSenderFailedException failed && failed.getReturnCode() > 0) {
        return Optional.of(failed.getReturnCode());
      }
    }
    for (Throwable t : chain) {
      if (t instanceof MessagingException && t.getMessage() != null) {
        Matcher reply = SMTP_REPLY.matcher(t.getMessage().strip());
        if (reply.find()) {
          return Optional.of(Integer.parseInt(reply.group(1)));
        }
      }
    }
    return Optional.empty();
  }

  private static List<Throwable> chainOf(Throwable thrown) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static boolean hasPathReason(List<Throwable> chain, BasicReason reason) {
    return anyMatch(
        chain, t -> t instanceof CertPathValidatorException cpve && cpve.getReason() == reason);
  }

  private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
    return anyMatch(chain, type::isInstance);
  }

  private static <T extends Throwable> Optional<T> first(List<Throwable> chain, Class<T> type) {
    return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  private static boolean anyMatch(List<Throwable> chain, Predicate<Throwable> test) {
    return chain.stream().anyMatch(test);
  }

  private static boolean anyMessage(List<Throwable> chain, String... signs) {
    return anyMatch(chain, t -> mentions(t, signs));
  }

  private static boolean mentions(Throwable t, String... signs) {
    if (t.getMessage() == null) {
      return false;
    }
    String message = t.getMessage().toLowerCase(Locale.ROOT);
    for (String sign : signs) {
      if (sign.equals("bye") ? mentionsBye(message) : message.contains(sign)) {
        return true;
      }
    }
    return false;
  }

  /** An IMAP/POP3 BYE, not the word inside another one ("goodbye" is fine to match too). */
  private static boolean mentionsBye(String message) {
    return Pattern.compile("(^|[^a-z])bye([^a-z]|$)").matcher(message).find();
  }

  private static Optional<Explanation> because(FailureCause cause) {
    return Optional.of(new Explanation(cause, null));
  }
}
