package org.syncpost.incoming.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.control.ConnectionLimiter;
import org.syncpost.mailserver.control.ConnectionLimiter.Parked;
import org.syncpost.mailserver.control.ConnectionLimiter.Permit;
import org.syncpost.mailserver.entity.Endpoint;

/**
 * Signed-in IMAP connections kept open between a mailbox's cycles (ADR 0026), so that a quiet
 * mailbox's poll is one {@code STATUS} instead of a TLS handshake, a sign-in and a folder scan.
 *
 * <p>A kept connection holds its places in its budgets ({@link ConnectionLimiter#park}): a cycle or
 * test that finds a budget full of idle kept connections closes the one kept last and takes its
 * place, so keeping never exceeds a profile's maximum and never makes anyone wait. A connection is
 * given back to its mailbox's next cycle only when it signs in the same way (server, account,
 * credentials, trust, budget, folders); otherwise it is closed. Connections idle for longer than
 * {@code syncpost.incoming.keep-connections-seconds} (0: none is kept) are closed by the
 * scheduler's tick, all of them at shutdown.
 */
@ApplicationScoped
public class KeptConnections {

  private static final System.Logger LOGGER = System.getLogger(KeptConnections.class.getName());

  public static final String KEEP_SECONDS = "syncpost.incoming.keep-connections-seconds";

  @Inject ConnectionLimiter limiter;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = KEEP_SECONDS, defaultValue = "300")
  int keepSeconds = 300;

  /**
   * A connection signs in again after this long however often it is used, so that credentials the
   * server no longer accepts (changed there, revoked) are noticed within it.
   */
  static final Duration SIGN_IN_AGAIN_AFTER = Duration.ofMinutes(30);

  private final ConcurrentMap<Long, Kept> kept = new ConcurrentHashMap<>();

  /** A cycle's signed-in store and its places in its budgets; {@code reused} when it was kept. */
  static final class Held implements AutoCloseable {
    Store store;
    final Permit profileSlot;
    final Permit permit;
    boolean reused;
    Instant signedInAt;

    Held(Store store, Permit profileSlot, Permit permit, boolean reused, Instant signedInAt) {
      this.store = store;
      this.profileSlot = profileSlot;
      this.permit = permit;
      this.reused = reused;
      this.signedInAt = signedInAt;
    }

    /** Closes the store (a failure to say LOGOUT changes nothing) and gives the places back. */
    @Override
    public void close() {
      try {
        closeQuietly(store);
      } finally {
        permit.close();
        profileSlot.close();
      }
    }
  }

  private static final class Kept {
    final Held held;
    final CyclePlan plan;
    final Instant since;
    volatile Parked parked;

    Kept(Held held, CyclePlan plan, Instant since) {
      this.held = held;
      this.plan = plan;
      this.since = since;
    }
  }

  /**
   * The mailbox's kept connection, no longer idle, when it signs in as {@code plan} says; {@code
   * null} when there is none, it was closed meanwhile, or it signs in differently (then it is
   * closed now).
   */
  Held take(CyclePlan plan) {
    Kept found = kept.remove(plan.mailboxId());
    if (found == null || !found.parked.reclaim()) {
      return null;
    }
    if (!sameSignIn(plan, found.plan)
        || !found.held.signedInAt.plus(SIGN_IN_AGAIN_AFTER).isAfter(clock.instant())) {
      found.held.close();
      return null;
    }
    found.held.reused = true;
    return found.held;
  }

  /**
   * Keeps the connection of a cycle that ended well for the mailbox's next cycle, or closes it when
   * none is kept.
   */
  void keep(CyclePlan plan, Held held) {
    if (keepSeconds <= 0 || !plan.isImap() || held.store == null) {
      held.close();
      return;
    }
    long mailboxId = plan.mailboxId();
    Kept entry = new Kept(held, plan, clock.instant());
    entry.parked =
        limiter.park(
            () -> {
              kept.remove(mailboxId, entry);
              closeQuietly(held.store);
            },
            held.profileSlot,
            held.permit);
    Kept before = kept.put(mailboxId, entry);
    if (before != null) {
      before.parked.close();
    }
  }

  /** Closes the mailbox's kept connection, if any (it is disabled, or its settings changed). */
  void close(long mailboxId) {
    Kept found = kept.remove(mailboxId);
    if (found != null) {
      found.parked.close();
    }
  }

  /** Closes the connections idle for longer than the setting allows; how many. */
  public int closeIdle() {
    Instant before = clock.instant().minus(Duration.ofSeconds(Math.max(keepSeconds, 0)));
    int closed = 0;
    for (var each : kept.entrySet()) {
      Kept found = each.getValue();
      if (found.since.isBefore(before) && kept.remove(each.getKey(), found)) {
        found.parked.close();
        closed++;
      }
    }
    return closed;
  }

  /** How many connections are kept now. */
  public int size() {
    return kept.size();
  }

  @PreDestroy
  public void closeAll() {
    for (Long mailboxId : kept.keySet()) {
      close(mailboxId);
    }
  }

  /**
   * Whether a connection signed in for {@code before} serves {@code plan}: same server, account,
   * trust, budget and folders, and the same secret and mechanism (a changed password or a renewed
   * token signs in again, so that a refused one is noticed now, not after the connection dies).
   */
  static boolean sameSignIn(CyclePlan plan, CyclePlan before) {
    if (!plan.goesOnFrom(before)) {
      return false;
    }
    Endpoint now = plan.endpoint();
    Endpoint then = before.endpoint();
    return now.authProtocol() == then.authProtocol()
        && now.connectionTimeoutSeconds() == then.connectionTimeoutSeconds()
        && Objects.equals(now.authorizationId(), then.authorizationId())
        && Objects.equals(now.actingFor(), then.actingFor())
        && Objects.equals(now.traceLabel(), then.traceLabel())
        && sameSecret(now.password(), then.password());
  }

  private static boolean sameSecret(Secret a, Secret b) {
    if (a == null || b == null) {
      return a == b;
    }
    return MessageDigest.isEqual(
        a.reveal().getBytes(StandardCharsets.UTF_8), b.reveal().getBytes(StandardCharsets.UTF_8));
  }

  static void closeQuietly(Store store) {
    if (store == null) {
      return;
    }
    try {
      store.close();
    } catch (MessagingException | RuntimeException e) {
      // the server may have closed it first; a connection that is gone is what closing wants
      LOGGER.log(System.Logger.Level.DEBUG, "Closing a kept connection failed: {0}", e.toString());
    }
  }
}
