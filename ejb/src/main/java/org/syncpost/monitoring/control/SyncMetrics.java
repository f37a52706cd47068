package org.syncpost.monitoring.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The one place the engines report what an operator graphs: messages ingested, quarantined and
 * sent, failures by cause, cycles by outcome, connections open per budget. Kept by SyncPost itself
 * ({@link PrometheusMeters}, served at {@code /monitoring/metrics} on every server) and published
 * as MicroProfile Metrics too where the server has them (Payara Micro and Payara Server: {@code
 * /metrics}); both in Prometheus format with the same names (ADR 0010).
 *
 * <p>A metrics failure must never break mail work, so every call swallows what the registry throws
 * after logging it once.
 */
@ApplicationScoped
public class SyncMetrics {

  private static final System.Logger LOGGER = System.getLogger(SyncMetrics.class.getName());
  private static final String API = "org.eclipse.microprofile.metrics.MetricRegistry";

  @Inject PrometheusMeters own;

  private volatile MicroProfileMeters meters;
  private final Set<String> budgetsSeen = ConcurrentHashMap.newKeySet();
  private volatile boolean failureLogged;

  @PostConstruct
  void connect() {
    try {
      Class.forName(API, false, SyncMetrics.class.getClassLoader());
      meters = MicroProfileMeters.lookUp();
    } catch (ClassNotFoundException | LinkageError | RuntimeException absent) {
      LOGGER.log(
          System.Logger.Level.INFO,
          "No MicroProfile Metrics on this server: the SyncPost metrics are served at"
              + " /monitoring/metrics only ({0})",
          absent.toString());
    }
  }

  /** SyncPost's own meters in the Prometheus text format, gauges read now. */
  public String prometheusText() {
    return own.text();
  }

  /** An incoming cycle of one mailbox ended with {@code status}, having taken these messages. */
  public void cycleFinished(String status, int recorded, int quarantined) {
    publish(
        m -> {
          m.count(
              "syncpost.incoming.cycles",
              "Incoming synchronization cycles by outcome",
              1,
              "outcome",
              lower(status));
          if (recorded > 0) {
            m.count(
                "syncpost.messages.ingested",
                "Incoming messages that became email records",
                recorded);
          }
          if (quarantined > 0) {
            m.count(
                "syncpost.messages.quarantined",
                "Incoming messages that could not be parsed and were quarantined",
                quarantined);
          }
        });
  }

  /** One email record was accepted by its SMTP server. */
  public void emailSent() {
    publish(
        m ->
            m.count(
                "syncpost.messages.sent", "Outgoing email records the SMTP server accepted", 1));
  }

  /**
   * Something failed: an incoming cycle or the sending of an email, with the failure's code ({@code
   * authentication-failed}, {@code timeout}, {@code smtp-permanent}, ...).
   */
  public void failed(Direction direction, String cause) {
    publish(
        m ->
            m.count(
                "syncpost.failures",
                "Failed incoming cycles and email deliveries by direction and cause",
                1,
                "direction",
                lower(direction.name()),
                "cause",
                cause == null ? "unknown" : cause));
  }

  /** Publishes the connections open under a connection budget, once per budget. */
  public void connectionBudget(String key, IntSupplier inUse) {
    if (budgetsSeen.add(key)) {
      gauge(
          "syncpost.connections.open",
          "Mail server connections open on this node per connection budget (profile-<id>-tests:"
              + " all incoming work of a profile)",
          inUse::getAsInt,
          "budget",
          key);
    }
  }

  /** Publishes a value read when the registry is read. */
  public void gauge(String name, String description, Supplier<Number> value, String... tags) {
    publish(m -> m.gauge(name, description, value, tags));
  }

  /** Which way mail went when something failed. */
  public enum Direction {
    INCOMING,
    OUTGOING
  }

  private void publish(java.util.function.Consumer<Meters> action) {
    publish(action, own);
    MicroProfileMeters server = meters;
    if (server != null) {
      publish(action, server);
    }
  }

  private void publish(java.util.function.Consumer<Meters> action, Meters target) {
    try {
      action.accept(target);
    } catch (RuntimeException e) {
      if (!failureLogged) {
        failureLogged = true;
        LOGGER.log(System.Logger.Level.WARNING, "A metric could not be updated", e);
      }
    }
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
