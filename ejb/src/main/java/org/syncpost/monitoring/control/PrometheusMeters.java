package org.syncpost.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * SyncPost's meters kept by the application itself and written in the Prometheus text exposition
 * format (version 0.0.4), with the names MicroProfile Metrics gives them on Payara ({@code
 * syncpost_messages_sent_total}, {@code syncpost_mailboxes{direction="incoming",state="enabled"}}).
 * Served by SyncPost at {@code /monitoring/metrics} on every server: the one place they show on
 * WildFly 39, which has no MicroProfile Metrics (ADR 0010).
 */
@ApplicationScoped
public class PrometheusMeters implements Meters {

  /** One metric: its help text and type, and its series by label set. */
  private record Family(String help, String type, Map<String, Supplier<Number>> series) {}

  private final Map<String, Family> families = new ConcurrentSkipListMap<>();

  /** By metric and labels; a hash map, whose computeIfAbsent runs once per key. */
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

  @Override
  public void count(String name, String description, long amount, String... tagPairs) {
    String metric = exposed(name) + "_total";
    String labels = labels(tagPairs);
    counters
        .computeIfAbsent(
            metric + labels,
            key -> {
              LongAdder adder = new LongAdder();
              family(metric, description, "counter").series().putIfAbsent(labels, adder::sum);
              return adder;
            })
        .add(amount);
  }

  @Override
  public void gauge(String name, String description, Supplier<Number> value, String... tagPairs) {
    family(exposed(name), description, "gauge").series().put(labels(tagPairs), value);
  }

  /** Every metric, as a Prometheus server scrapes it; gauges are read now. */
  public String text() {
    StringBuilder text = new StringBuilder();
    families.forEach(
        (metric, family) -> {
          text.append("# HELP ")
              .append(metric)
              .append(' ')
              .append(help(family.help()))
              .append('\n');
          text.append("# TYPE ").append(metric).append(' ').append(family.type()).append('\n');
          family
              .series()
              .forEach(
                  (labels, value) ->
                      text.append(metric)
                          .append(labels)
                          .append(' ')
                          .append(sample(value))
                          .append('\n'));
        });
    return text.toString();
  }

  private Family family(String metric, String description, String type) {
    return families.computeIfAbsent(
        metric, key -> new Family(description, type, new ConcurrentSkipListMap<>()));
  }

  /** A gauge that cannot be read (its database is away) shows no number, as Prometheus expects. */
  private static String sample(Supplier<Number> value) {
    double number;
    try {
      Number read = value.get();
      number = read == null ? Double.NaN : read.doubleValue();
    } catch (RuntimeException unreadable) {
      number = Double.NaN;
    }
    if (Double.isNaN(number)) {
      return "NaN";
    }
    if (number == Math.rint(number) && !Double.isInfinite(number) && Math.abs(number) < 1e15) {
      return Long.toString((long) number);
    }
    return Double.toString(number);
  }

  /** Metric names allow letters, digits, '_' and ':' only. */
  static String exposed(String name) {
    return name.replaceAll("[^a-zA-Z0-9_:]", "_");
  }

  /** {@code {a="1",b="2"}} sorted by name, or nothing. */
  static String labels(String... tagPairs) {
    if (tagPairs.length == 0) {
      return "";
    }
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i + 1 < tagPairs.length; i += 2) {
      sorted.put(exposed(tagPairs[i]), tagPairs[i + 1]);
    }
    StringBuilder labels = new StringBuilder("{");
    sorted.forEach(
        (name, value) -> {
          if (labels.length() > 1) {
            labels.append(',');
          }
          labels.append(name).append("=\"").append(escaped(value, true)).append('"');
        });
    return labels.append('}').toString();
  }

  private static String help(String text) {
    return escaped(text, false);
  }

  private static String escaped(String text, boolean quoted) {
    String escaped = text.replace("\\", "\\\\").replace("\n", "\\n");
    return quoted ? escaped.replace("\"", "\\\"") : escaped;
  }
}
