package org.syncpost.mailbox.boundary.ui;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.syncpost.crypto.entity.Secret;

/**
 * The delegated OAuth 2.0 sign-ins this person began and has not finished, by their state (RFC 6749
 * §10.12), kept in their HTTP session only: the state and the PKCE verifier are bound to the
 * mailbox and the person who pressed "Connect", and each is used once. Also the word each mailbox
 * page shows once when the person comes back.
 */
@SessionScoped
public class PendingSignIns implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A sign-in at the provider takes minutes at most; an older one is refused. */
  static final Duration VALID_FOR = Duration.ofMinutes(15);

  /**
   * One begun sign-in.
   *
   * @param verifier the PKCE code verifier, a string since the session is serializable; never
   *     printed
   */
  public record Pending(
      long mailboxId, String user, String verifier, URI redirectUri, Instant startedAt)
      implements Serializable {

    public Secret verifierSecret() {
      return Secret.of(verifier);
    }

    @Override
    public String toString() {
      return "Pending[mailbox " + mailboxId + ", " + user + ", since " + startedAt + "]";
    }
  }

  /** What the mailbox page tells the person once. */
  public record Notice(boolean failed, String text) implements Serializable {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Map<Long, Notice> notices = new ConcurrentHashMap<>();

  void begin(String state, Pending signIn) {
    pending.put(state, signIn);
  }

  /** The sign-in {@code state} belongs to, taken (a state is good once), if still valid. */
  public Optional<Pending> take(String state, Instant now) {
    Pending signIn = state == null ? null : pending.remove(state);
    if (signIn == null || signIn.startedAt().plus(VALID_FOR).isBefore(now)) {
      return Optional.empty();
    }
    return Optional.of(signIn);
  }

  public void tell(long mailboxId, Notice notice) {
    notices.put(mailboxId, notice);
  }

  Optional<Notice> noticeFor(long mailboxId) {
    return Optional.ofNullable(notices.remove(mailboxId));
  }
}
