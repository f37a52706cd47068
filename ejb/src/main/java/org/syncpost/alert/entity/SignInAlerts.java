package org.syncpost.alert.entity;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.syncpost.mailserver.entity.FailureCause;

/**
 * The alerts a failed connection or sign-in raises about a mailbox, by the work that failed: their
 * code is a prefix and a {@link FailureCause} code ({@code incoming-authentication-failed} from a
 * polling cycle, {@code outgoing-connection-refused} from sending, {@code authentication-failed}
 * from test &amp; enable, which names one cause for both directions). When that work succeeds
 * again, these alerts no longer tell the truth and are resolved.
 */
public enum SignInAlerts {
  INCOMING("incoming-"),
  OUTGOING("outgoing-"),
  TEST_AND_ENABLE("");

  private final String prefix;

  SignInAlerts(String prefix) {
    this.prefix = prefix;
  }

  /** Every code this work raises when it fails to connect or sign in. */
  public Set<String> codes() {
    return codesExcept(Set.of());
  }

  /** The codes of every cause but those still failing. */
  public Set<String> codesExcept(Collection<FailureCause> stillFailing) {
    return Arrays.stream(FailureCause.values())
        .filter(cause -> !stillFailing.contains(cause))
        .map(cause -> prefix + cause.code())
        .collect(Collectors.toUnmodifiableSet());
  }
}
