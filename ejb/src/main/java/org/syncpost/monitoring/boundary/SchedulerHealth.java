package org.syncpost.monitoring.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.syncpost.monitoring.control.Heartbeats;

/**
 * Live while this node's schedulers (incoming, outgoing) keep ticking; a scheduler switched off on
 * this node is not expected. A stalled timer means no mail moves although the server answers, which
 * only a restart cures.
 */
@Liveness
@ApplicationScoped
public class SchedulerHealth implements HealthCheck {

  @Inject Heartbeats heartbeats;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("scheduler").up();
    heartbeats
        .statuses()
        .forEach(
            (name, status) -> {
              response.withData(
                  name,
                  (status.alive() ? "ticking" : "stalled")
                      + ", last tick "
                      + status.silentFor().toSeconds()
                      + " s ago");
              if (!status.alive()) {
                response.down();
              }
            });
    return response.build();
  }
}
