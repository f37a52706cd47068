package org.syncpost.monitoring.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToLongFunction;
import org.syncpost.monitoring.control.OperationalReadings;
import org.syncpost.monitoring.control.SyncMetrics;
import org.syncpost.monitoring.entity.MailboxState;
import org.syncpost.monitoring.entity.Readings;

/**
 * Publishes the gauges read from the database — mailboxes by state, poll lag, job progress — at
 * start-up. Their values come from one cached reading, refreshed when a scrape finds it older than
 * {@link #FRESH_FOR}, so that scrapes (from any number of collectors) cost the database three small
 * queries per interval at most.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MetricsPublication {

  private static final System.Logger LOGGER = System.getLogger(MetricsPublication.class.getName());

  static final Duration FRESH_FOR = Duration.ofSeconds(15);

  @Inject SyncMetrics metrics;
  @Inject OperationalReadings database;
  @Inject Clock clock;

  private volatile Readings last;

  @PostConstruct
  void publish() {
    for (MailboxState state : MailboxState.values()) {
      metrics.gauge(
          "syncpost.mailboxes",
          "Mailboxes by direction and state",
          () -> reading(r -> r.incoming(state)),
          "direction",
          "incoming",
          "state",
          state.tag());
      if (state != MailboxState.FAILING) {
        metrics.gauge(
            "syncpost.mailboxes",
            "Mailboxes by direction and state",
            () -> reading(r -> r.outgoing(state)),
            "direction",
            "outgoing",
            "state",
            state.tag());
      }
    }
    metrics.gauge(
        "syncpost.incoming.poll.lag.seconds",
        "How long the longest-waiting due mailbox has waited past its poll time",
        () -> reading(r -> r.pollLag().toSeconds()));
    metrics.gauge(
        "syncpost.jobs.running",
        "Background jobs queued or running",
        () -> reading(Readings::runningJobs));
    metrics.gauge(
        "syncpost.jobs.mailboxes",
        "Mailboxes of the queued and running jobs, by progress",
        () -> reading(Readings::jobItemsDone),
        "progress",
        "done");
    metrics.gauge(
        "syncpost.jobs.mailboxes",
        "Mailboxes of the queued and running jobs, by progress",
        () -> reading(r -> r.jobItems() - r.jobItemsDone()),
        "progress",
        "waiting");
  }

  private Number reading(ToLongFunction<Readings> value) {
    Readings current = fresh();
    return current == null ? Double.NaN : value.applyAsLong(current);
  }

  private Readings fresh() {
    Instant now = clock.instant();
    Readings current = last;
    if (current == null || current.olderThan(FRESH_FOR, now)) {
      synchronized (this) {
        current = last;
        if (current == null || current.olderThan(FRESH_FOR, now)) {
          try {
            current = database.read(now);
            last = current;
          } catch (RuntimeException unreadable) {
            // the database health check reports the cause; a gauge shows no value meanwhile
            LOGGER.log(
                System.Logger.Level.DEBUG, "Metrics readings failed: {0}", unreadable.toString());
            return null;
          }
        }
      }
    }
    return current;
  }
}
