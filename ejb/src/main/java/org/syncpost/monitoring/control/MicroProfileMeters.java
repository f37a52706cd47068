package org.syncpost.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * SyncPost's meters in the server's MicroProfile Metrics application registry (served in Prometheus
 * format at {@code /metrics}). Only this class names the MicroProfile Metrics API, and {@link
 * SyncMetrics} looks it up only when the API is there: WildFly 39 has no MicroProfile Metrics (ADR
 * 0010), and its CDI container passes over a bean class it cannot load.
 *
 * <p>The registry is injected, not looked up: Payara's producer reads the qualifiers of the
 * injection point, which a programmatic lookup does not have.
 */
@ApplicationScoped
class MicroProfileMeters implements Meters {

  @Inject MetricRegistry registry;

  /** The application registry of this deployment. */
  static MicroProfileMeters lookUp() {
    return CDI.current().select(MicroProfileMeters.class).get();
  }

  @Override
  public void count(String name, String description, long amount, String... tagPairs) {
    registry.counter(metadata(name, description), tags(tagPairs)).inc(amount);
  }

  @Override
  public void gauge(String name, String description, Supplier<Number> value, String... tagPairs) {
    registry.gauge(metadata(name, description), value, v -> v.get().doubleValue(), tags(tagPairs));
  }

  private static Metadata metadata(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }

  private static Tag[] tags(String... pairs) {
    Tag[] tags = new Tag[pairs.length / 2];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
    }
    return tags;
  }
}
