package org.syncpost.system;

import java.util.Arrays;

/** A scrape of a Prometheus text exposition, read the way a query would. */
public record PrometheusText(String text) {

  /**
   * The sum of every sample of {@code metric} whose labels include all of {@code labels} (each
   * {@code name="value"}); zero when there is none, as for a counter not yet created.
   */
  public double sum(String metric, String... labels) {
    return text.lines()
        .filter(line -> !line.startsWith("#"))
        .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  public boolean has(String metric, String... labels) {
    return text.lines()
        .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
        .anyMatch(line -> Arrays.stream(labels).allMatch(line::contains));
  }
}
