package org.syncpost.dashboard.boundary.ui;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.AlertFilter;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.email.boundary.Emails;
import org.syncpost.email.entity.Direction;
import org.syncpost.email.entity.HourlyCount;
import org.syncpost.mailbox.boundary.MailboxCounts;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.TestStatus;
import org.syncpost.paging.boundary.ui.PagedRows;

/**
 * The start page: mailboxes by status, open alerts by level, emails received and sent per hour over
 * the last day (a chart), and the mailboxes in trouble, worst first. Every number is counted by the
 * database; no page of this loads all mailboxes or emails.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int HOURS = 24;
  private static final DateTimeFormatter HOUR_LABEL =
      DateTimeFormatter.ofPattern("HH:00").withZone(ZoneOffset.UTC);

  @Inject transient Mailboxes mailboxes;
  @Inject transient MailboxCounts counts;
  @Inject transient Alerts alerts;
  @Inject transient Emails emails;
  @Inject transient Clock clock;

  private long mailboxCount;
  private long enabledCount;
  private Map<TestStatus, Long> incoming;
  private Map<TestStatus, Long> outgoing;
  private final Map<AlertLevel, Long> openAlerts = new EnumMap<>(AlertLevel.class);
  private String trafficChart;
  private long failingCount;
  private final PagedRows<Mailbox> failing =
      new PagedRows<>(
          (offset, limit) -> counts.listFailing(offset, limit), () -> failingCount, Mailbox::getId);

  @PostConstruct
  void load() {
    mailboxCount = mailboxes.count(null);
    enabledCount = counts.countEnabled();
    incoming = counts.countByIncomingStatus();
    outgoing = counts.countByOutgoingStatus();
    failingCount = counts.countFailing();
    for (AlertLevel level : AlertLevel.values()) {
      openAlerts.put(level, alerts.count(new AlertFilter(null, null, level, false, false)));
    }
    Instant until = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    Instant from = until.minus(Duration.ofHours(HOURS));
    trafficChart =
        chart(
            from,
            emails.perHour(Direction.INCOMING, from, until),
            emails.perHour(Direction.OUTGOING, from, until));
  }

  /** A Chart.js bar chart (what PrimeFaces' p:chart takes as its value): one bar per hour. */
  private static String chart(Instant from, List<HourlyCount> received, List<HourlyCount> sent) {
    JsonArrayBuilder labels = JSON.createArrayBuilder();
    for (int h = 0; h < HOURS; h++) {
      labels.add(HOUR_LABEL.format(from.plus(Duration.ofHours(h))));
    }
    return JSON.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            JSON.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    JSON.createArrayBuilder()
                        .add(dataset("Received", "#0b69a3", from, received))
                        .add(dataset("Sent", "#2e9d5b", from, sent))))
        .add(
            "options",
            JSON.createObjectBuilder()
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "scales",
                    JSON.createObjectBuilder()
                        .add(
                            "y",
                            JSON.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("ticks", JSON.createObjectBuilder().add("precision", 0)))))
        .build()
        .toString();
  }

  private static jakarta.json.JsonObjectBuilder dataset(
      String label, String colour, Instant from, List<HourlyCount> counts) {
    Map<Instant, Long> byHour =
        counts.stream().collect(Collectors.toMap(HourlyCount::hour, HourlyCount::count));
    JsonArrayBuilder data = JSON.createArrayBuilder();
    for (int h = 0; h < HOURS; h++) {
      data.add(byHour.getOrDefault(from.plus(Duration.ofHours(h)), 0L));
    }
    return JSON.createObjectBuilder()
        .add("label", label)
        .add("backgroundColor", colour)
        .add("data", data);
  }

  public long getMailboxCount() {
    return mailboxCount;
  }

  public long getEnabledCount() {
    return enabledCount;
  }

  /**
   * By status name, as EL looks maps up by string: {@code #{dashboardPage.incoming['FAILURE']}}.
   */
  public Map<String, Long> getIncoming() {
    return byName(incoming);
  }

  public Map<String, Long> getOutgoing() {
    return byName(outgoing);
  }

  public Map<String, Long> getOpenAlerts() {
    return byName(openAlerts);
  }

  private static Map<String, Long> byName(Map<? extends Enum<?>, Long> counts) {
    Map<String, Long> named = new java.util.LinkedHashMap<>();
    counts.forEach((key, count) -> named.put(key.name(), count));
    return named;
  }

  public String getTrafficChart() {
    return trafficChart;
  }

  public long getFailingCount() {
    return failingCount;
  }

  public PagedRows<Mailbox> getFailing() {
    return failing;
  }
}
