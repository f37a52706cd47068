package org.syncpost.event.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.container.AsAdministrator;
import org.syncpost.event.boundary.Events;
import org.syncpost.event.entity.Event;
import org.syncpost.event.entity.EventType;

/**
 * The outbox's promise (ADR 0020): an event recorded in a transaction is in the feed if and only if
 * that transaction committed.
 */
@ExtendWith(ArquillianExtension.class)
class EventOutboxIT {

  @Inject AsAdministrator admin;
  @Inject EventOutbox outbox;
  @Inject Events events;
  @Inject UserTransaction transaction;

  @Test
  void anEventOfARolledBackTransactionIsNeverInTheFeedAndOneOfACommittedOneIs() throws Exception {
    long head = head();
    String rolledBack = UUID.randomUUID().toString();
    String committed = UUID.randomUUID().toString();

    transaction.begin();
    outbox.record(
        EventType.JOB_FINISHED, Json.createObjectBuilder().add("marker", rolledBack).build());
    transaction.rollback();
    transaction.begin();
    outbox.record(
        EventType.JOB_FINISHED, Json.createObjectBuilder().add("marker", committed).build());
    transaction.commit();

    List<String> markers =
        admin.call(() -> events.after(head, 100_000)).stream()
            .map(Event::getData)
            .filter(data -> data.contains("marker"))
            .toList();
    assertThat(markers)
        .anyMatch(data -> data.contains(committed))
        .noneMatch(data -> data.contains(rolledBack));
  }

  @Test
  void positionsGrowInTheOrderEventsCommittedAndEachIsGivenOnce() throws Exception {
    long head = head();
    List<String> markers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String marker = UUID.randomUUID().toString();
      markers.add(marker);
      transaction.begin();
      outbox.record(
          EventType.JOB_FINISHED, Json.createObjectBuilder().add("marker", marker).build());
      transaction.commit();
    }

    List<Event> read = admin.call(() -> events.after(head, 100_000));

    List<Long> positions = read.stream().map(Event::getFeedPosition).toList();
    assertThat(positions).isSorted().doesNotHaveDuplicates();
    assertThat(
            read.stream()
                .map(Event::getData)
                .filter(data -> markers.stream().anyMatch(data::contains))
                .map(data -> markers.stream().filter(data::contains).findFirst().orElseThrow())
                .toList())
        .containsExactlyElementsOf(markers);
  }

  /** The position of the last event now in the feed. */
  private long head() throws Exception {
    long head = 0;
    while (true) {
      long after = head;
      List<Event> page = admin.call(() -> events.after(after, 10_000));
      if (page.isEmpty()) {
        return head;
      }
      head = page.get(page.size() - 1).getFeedPosition();
    }
  }
}
