package org.syncpost.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * SyncPost's own health checks (database, credential key, scheduler), run on request. The server's
 * MicroProfile Health endpoint runs them where it finds them (Payara); WildFly does not look for
 * them inside an EAR's modules (WFLY-12835), so SyncPost serves them itself too, at {@code
 * /monitoring/health} (ADR 0010).
 */
@ApplicationScoped
public class ApplicationHealth {

  @Inject @Readiness Instance<HealthCheck> readiness;
  @Inject @Liveness Instance<HealthCheck> liveness;

  /** Which checks: readiness, liveness, or both. */
  public enum Probe {
    READINESS,
    LIVENESS,
    ALL
  }

  /** Every check's response; a check that throws is reported DOWN with the exception's type. */
  public List<HealthCheckResponse> check(Probe probe) {
    List<HealthCheckResponse> responses = new ArrayList<>();
    if (probe != Probe.LIVENESS) {
      readiness.forEach(check -> responses.add(call(check)));
    }
    if (probe != Probe.READINESS) {
      liveness.forEach(check -> responses.add(call(check)));
    }
    return responses;
  }

  private static HealthCheckResponse call(HealthCheck check) {
    try {
      return check.call();
    } catch (RuntimeException failed) {
      return HealthCheckResponse.named(check.getClass().getSimpleName())
          .down()
          .withData("error", failed.getClass().getSimpleName())
          .build();
    }
  }
}
