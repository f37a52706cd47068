package org.syncpost.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.access.entity.SignInFailed;
import org.syncpost.access.entity.SignInLocked;

/**
 * Slows down and then stops password guessing, for the sign-in form and HTTP Basic alike: each
 * failed sign-in is answered after a growing delay, and after {@code syncpost.sign-in.lock-after}
 * failures in a row for one user name — or {@code syncpost.sign-in.address-lock-after} failures
 * from one client address, whatever the user names — signing in is refused for {@code
 * syncpost.sign-in.lock-minutes}, without checking the password (OWASP Authentication Cheat Sheet,
 * "Protect against automated attacks"; NIST SP 800-63B 5.2.2).
 *
 * <p>Unknown user names are counted exactly like known ones, so the answers never reveal which
 * names exist. A success clears the user name's count, never the address's: one valid account must
 * not reset the count of guesses at others. Counts are forgotten a lock period after the last
 * failure.
 *
 * <p>Counts live in this node's memory: with several nodes behind a load balancer, each node counts
 * on its own, so the limits multiply by the number of nodes at worst.
 */
@ApplicationScoped
public class SignInThrottle {

  /** The first failure's delay; it doubles with each further failure. */
  static final Duration FIRST_DELAY = Duration.ofMillis(250);

  static final Duration MAX_DELAY = Duration.ofSeconds(4);
  static final int MAX_TRACKED = 50_000;
  private static final int MAX_KEY = 100;

  @Inject
  @ConfigProperty(name = "syncpost.sign-in.lock-after", defaultValue = "5")
  int accountLockAfter;

  @Inject
  @ConfigProperty(name = "syncpost.sign-in.address-lock-after", defaultValue = "30")
  int addressLockAfter;

  @Inject
  @ConfigProperty(name = "syncpost.sign-in.lock-minutes", defaultValue = "15")
  int lockMinutes;

  @Inject Clock clock;
  @Inject Event<SignInFailed> failedSignIns;
  @Inject Event<SignInLocked> locks;

  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

  /**
   * How much longer signing in is refused for this user name or from this address; empty when the
   * password may be checked.
   */
  public Optional<Duration> lockedFor(String account, String address) {
    Instant now = clock.instant();
    Instant until =
        latest(
            lockedUntil(accounts.get(accountKey(account)), now),
            lockedUntil(addresses.get(addressKey(address)), now));
    return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
  }

  /**
   * Counts a failed sign-in; answers how long to wait before telling the caller, growing with the
   * failures in a row of the user name or the address, whichever has more.
   */
  public Duration failed(String account, String address) {
    Instant now = clock.instant();
    String accountKey = accountKey(account);
    String addressKey = addressKey(address);
    keepBounded(now);
    Failures byAccount = accounts.compute(accountKey, (k, f) -> Failures.after(f, now, forget()));
    Failures byAddress = addresses.compute(addressKey, (k, f) -> Failures.after(f, now, forget()));
    failedSignIns.fire(new SignInFailed(accountKey, addressKey, now, byAccount.count()));
    lockWhenReached(
        accounts, accountKey, byAccount, accountLockAfter, SignInLocked.Scope.ACCOUNT, now);
    lockWhenReached(
        addresses, addressKey, byAddress, addressLockAfter, SignInLocked.Scope.ADDRESS, now);
    int most = Math.max(byAccount.count(), byAddress.count());
    return delayAfter(most);
  }

  /** The user name signed in: its failures are forgotten (the address's are not). */
  public void succeeded(String account) {
    accounts.remove(accountKey(account));
  }

  static Duration delayAfter(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 16);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private void lockWhenReached(
      Map<String, Failures> counts,
      String key,
      Failures failures,
      int limit,
      SignInLocked.Scope scope,
      Instant now) {
    if (failures.count() < limit || failures.lockedUntil() != null) {
      return;
    }
    Instant until = now.plus(lockDuration());
    // only the thread that sets the lock reports it
    if (counts.replace(key, failures, failures.lockedUntil(until))) {
      locks.fire(new SignInLocked(scope, key, until, failures.count()));
    }
  }

  private Duration lockDuration() {
    return Duration.ofMinutes(lockMinutes);
  }

  private Duration forget() {
    return lockDuration();
  }

  private void keepBounded(Instant now) {
    if (accounts.size() + addresses.size() < MAX_TRACKED) {
      return;
    }
    accounts.values().removeIf(f -> f.isForgottenAt(now, forget()));
    addresses.values().removeIf(f -> f.isForgottenAt(now, forget()));
    if (accounts.size() >= MAX_TRACKED) {
      // more user names guessed than any directory holds: the address locks still apply
      accounts.clear();
    }
  }

  private static Instant lockedUntil(Failures failures, Instant now) {
    return failures == null
            || failures.lockedUntil() == null
            || !failures.lockedUntil().isAfter(now)
        ? null
        : failures.lockedUntil();
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  static String accountKey(String account) {
    String key = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
  }

  private static String addressKey(String address) {
    return address == null ? "" : address;
  }

  /** Failures in a row of one user name or address, and the lock they led to. */
  record Failures(int count, Instant last, Instant lockedUntil) {

    static Failures after(Failures before, Instant now, Duration forgetAfter) {
      if (before == null || before.isForgottenAt(now, forgetAfter)) {
        return new Failures(1, now, null);
      }
      boolean lockOver = before.lockedUntil() != null && !before.lockedUntil().isAfter(now);
      // after a lock has run out, a single further failure locks again
      return new Failures(before.count() + 1, now, lockOver ? null : before.lockedUntil());
    }

    boolean isForgottenAt(Instant now, Duration forgetAfter) {
      Instant end = lockedUntil != null && lockedUntil.isAfter(last) ? lockedUntil : last;
      return !end.plus(forgetAfter).isAfter(now);
    }

    Failures lockedUntil(Instant until) {
      return new Failures(count, last, until);
    }
  }
}
