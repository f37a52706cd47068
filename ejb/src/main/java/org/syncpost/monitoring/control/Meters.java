package org.syncpost.monitoring.control;

import java.util.function.Supplier;

/**
 * Where {@link SyncMetrics} publishes: SyncPost's own {@link PrometheusMeters} on every server, and
 * the server's MicroProfile Metrics registry where there is one ({@link MicroProfileMeters}). Names
 * are dotted ({@code syncpost.messages.sent}); tags come as name, value pairs.
 */
interface Meters {

  void count(String name, String description, long amount, String... tagPairs);

  void gauge(String name, String description, Supplier<Number> value, String... tagPairs);
}
