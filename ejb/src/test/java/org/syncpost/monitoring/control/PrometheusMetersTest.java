package org.syncpost.monitoring.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PrometheusMetersTest {

  private final PrometheusMeters meters = new PrometheusMeters();

  @Test
  void countersAddUpPerLabelSetUnderTheirTotalName() {
    meters.count("syncpost.failures", "Failures", 1, "direction", "incoming", "cause", "timeout");
    meters.count("syncpost.failures", "Failures", 2, "direction", "incoming", "cause", "timeout");
    meters.count("syncpost.failures", "Failures", 1, "cause", "auth", "direction", "outgoing");
    meters.count("syncpost.messages.sent", "Sent", 3);

    assertThat(meters.text())
        .isEqualTo(
            """
            # HELP syncpost_failures_total Failures
            # TYPE syncpost_failures_total counter
            syncpost_failures_total{cause="auth",direction="outgoing"} 1
            syncpost_failures_total{cause="timeout",direction="incoming"} 3
            # HELP syncpost_messages_sent_total Sent
            # TYPE syncpost_messages_sent_total counter
            syncpost_messages_sent_total 3
            """);
  }

  @Test
  void gaugesAreReadAtEachScrapeAndAnUnreadableOneShowsNaN() {
    AtomicLong lag = new AtomicLong(7);
    meters.gauge("syncpost.incoming.poll.lag.seconds", "Lag", lag::get);
    meters.gauge(
        "syncpost.mailboxes",
        "Mailboxes",
        () -> {
          throw new IllegalStateException("database away");
        },
        "state",
        "enabled");
    String first = meters.text();
    lag.set(12);

    assertThat(first)
        .contains("# TYPE syncpost_incoming_poll_lag_seconds gauge\n")
        .contains("syncpost_incoming_poll_lag_seconds 7\n")
        .contains("syncpost_mailboxes{state=\"enabled\"} NaN\n");
    assertThat(meters.text()).contains("syncpost_incoming_poll_lag_seconds 12\n");
  }

  @Test
  void labelValuesAreEscaped() {
    meters.count("syncpost.failures", "Failures", 1, "cause", "say \"no\"\\\n");

    assertThat(meters.text())
        .contains("syncpost_failures_total{cause=\"say \\\"no\\\"\\\\\\n\"} 1\n");
  }
}
