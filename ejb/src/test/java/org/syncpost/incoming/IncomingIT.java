package org.syncpost.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.container.AsAdministrator;
import org.syncpost.container.EmailFixtures;
import org.syncpost.email.entity.EmailContent;
import org.syncpost.email.entity.TrackingToken;
import org.syncpost.incoming.control.MailboxLeases;

/** Leases and correlation against the real database, in the container. */
@ExtendWith(ArquillianExtension.class)
class IncomingIT {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @Deployment
  static WebArchive deployment() {
    return org.syncpost.container.Deployments.facades();
  }

  @Inject AsAdministrator admin;
  @Inject MailboxLeases leases;
  @Inject EmailFixtures emails;

  private long newMailbox() {
    return admin.newMailbox("lease");
  }

  @Test
  void twoNodesClaimingAtOnceNeverBothGetTheLease() throws Exception {
    long mailboxId = newMailbox();
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Integer> winnersPerRound = new ArrayList<>();
    try {
      for (int round = 0; round < 25; round++) {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
          Callable<Boolean> claim =
              () -> {
                together.await();
                return leases.claim(mailboxId, node, NOW, NOW.plusSeconds(600));
              };
          claims.add(nodes.submit(claim));
        }
        int winners = 0;
        for (Future<Boolean> claim : claims) {
          winners += claim.get() ? 1 : 0;
        }
        winnersPerRound.add(winners);
        leases.release(mailboxId, "node-a");
        leases.release(mailboxId, "node-b");
      }
    } finally {
      nodes.shutdownNow();
    }

    assertThat(winnersPerRound).hasSize(25).containsOnly(1);
  }

  @Test
  void aLeaseHeldByAnotherNodeIsTakenOverOnlyAfterItExpires() throws Exception {
    long mailboxId = newMailbox();
    leases.claim(mailboxId, "dead-node", NOW, NOW.plusSeconds(60));

    boolean beforeExpiry =
        leases.claim(mailboxId, "live-node", NOW.plusSeconds(59), NOW.plusSeconds(600));
    boolean afterExpiry =
        leases.claim(mailboxId, "live-node", NOW.plusSeconds(61), NOW.plusSeconds(600));

    assertThat(List.of(beforeExpiry, afterExpiry)).containsExactly(false, true);
  }

  @Test
  void releasingALeaseOfAnotherNodeLeavesItHeld() throws Exception {
    long mailboxId = newMailbox();
    leases.claim(mailboxId, "holder", NOW, NOW.plusSeconds(600));

    leases.release(mailboxId, "someone-else");

    assertThat(leases.claim(mailboxId, "someone-else", NOW.plusSeconds(1), NOW.plusSeconds(600)))
        .isFalse();
  }

  @Test
  void aReplyIsCorrelatedByTheTrackingTokenInItsSubject() throws Exception {
    long mailboxId = newMailbox();
    TrackingToken token = TrackingToken.generate(new SecureRandom());
    long earlier = emails.recordWithToken(mailboxId, token.appendTo("Your order", "SP"), token);
    EmailContent reply =
        new EmailContent(
            "RE: " + token.appendTo("Your order", "SP"),
            "customer@example.net",
            null,
            null,
            null,
            "thanks",
            null,
            "<reply-" + UUID.randomUUID() + "@example.net>",
            "<unknown@example.net>",
            null);

    assertThat(emails.correlate(reply, "SP")).contains(earlier + " TRACKING_TOKEN");
  }
}
