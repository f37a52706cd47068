package org.syncpost.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.system.IncomingMailbox;
import org.syncpost.testing.mail.MailServers;
import org.syncpost.testing.mail.MailUser;
import org.syncpost.testing.mail.ServerCertificate;

/**
 * How fast SyncPost turns a large mailbox into records, against the ceiling of a plain Jakarta Mail
 * program fetching the same messages in full over the same IMAPS connection type, measured in the
 * same run:
 *
 * <pre>./mvnw -B verify -pl web -am -Pbenchmark -Dbenchmark=IngestBenchmark
 * [-Dbenchmark.messages=10000]</pre>
 */
class IngestBenchmark {

  private static final int MESSAGES = Integer.getInteger("benchmark.messages", 10_000);
  private static final int FETCH_BATCH = 100;

  @RegisterExtension static final MailServers servers = MailServers.withDovecot();

  /** One tick a second: "enable" is followed by the first cycle within a second, not ten. */
  @RegisterExtension
  static final OwnSyncPost own = new OwnSyncPost(Map.of("SYNCPOST_INCOMING_TICK_SECONDS", "1"));

  static {
    // as SyncPost does (MailSessions): Jakarta Mail 2.1 otherwise scans every jar per message
    System.setProperty(
        "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
  }

  @Test
  void syncPostAgainstThePlainFetchCeiling() throws Exception {
    MailUser user = servers.dovecot().addUser("bench-" + UUID.randomUUID(), "secret");
    long seedStart = System.nanoTime();
    long bytes =
        servers.dovecot().seedInbox(user.name(), new RealisticMessages(MESSAGES, user.address()));
    // Dovecot indexes the folder once, for both readers alike
    assertThat(servers.dovecot().messageCount(user.name(), "INBOX")).isEqualTo(MESSAGES);
    Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);

    Duration raw = plainFetch(user);

    IncomingMailbox.Setup setup =
        IncomingMailbox.on(own.server().admin(), servers.dovecot(), servers.certificates())
            .pollingEveryMinutes(1);
    long profileId = setup.createProfile();
    long start = System.nanoTime();
    IncomingMailbox box = setup.createOn(profileId, user);
    boolean all =
        IncomingMailbox.await(() -> box.recordCount() >= MESSAGES, Duration.ofMinutes(60));
    Duration syncPostTook = Duration.ofNanos(System.nanoTime() - start);

    double rawRate = MESSAGES / seconds(raw);
    double syncPostRate = MESSAGES / seconds(syncPostTook);
    System.out.printf(
        """

        ==== IngestBenchmark ====================================================
        messages               %,d (%,d KB on average, %,.1f MB; seeded in %.1f s)
        plain Jakarta Mail     %8.1f s  %,8.0f msgs/s  (1 IMAPS connection, FETCH whole
                                                 messages in batches of %d)
        SyncPost               %8.1f s  %,8.0f msgs/s  (enable -> last record, H2)
        SyncPost / raw         %8.2f   (goal >= 0.8)
        =========================================================================
        %n""",
        MESSAGES,
        bytes / MESSAGES / 1024,
        bytes / 1024.0 / 1024.0,
        seconds(seeding),
        seconds(raw),
        rawRate,
        FETCH_BATCH,
        seconds(syncPostTook),
        syncPostRate,
        syncPostRate / rawRate);
    assertThat(all).as("all %d messages recorded", MESSAGES).isTrue();
    assertThat(box.recordCount()).isEqualTo(MESSAGES);
  }

  /** The ceiling: one connection fetching every message in full, as fast as it can. */
  private static Duration plainFetch(MailUser user) throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(servers.certificates().trustStore());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    Properties props = new Properties();
    props.setProperty("mail.imap.ssl.enable", "true");
    props.put("mail.imap.ssl.socketFactory", tls.getSocketFactory());
    props.setProperty("mail.imap.connectiontimeout", "30000");
    props.setProperty("mail.imap.timeout", "60000");
    long start = System.nanoTime();
    long received = 0;
    try (Store store = Session.getInstance(props).getStore("imap")) {
      store.connect(
          ServerCertificate.VALID.address(),
          servers.dovecot().imapsPort(),
          user.name(),
          user.password());
      IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Message[] all = inbox.getMessages();
      FetchProfile whole = new FetchProfile();
      whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
      for (int from = 0; from < all.length; from += FETCH_BATCH) {
        Message[] batch = Arrays.copyOfRange(all, from, Math.min(from + FETCH_BATCH, all.length));
        inbox.fetch(batch, whole);
        for (Message message : batch) {
          CountingSink sink = new CountingSink();
          message.writeTo(sink);
          received += sink.count;
          ((IMAPMessage) message).invalidateHeaders();
        }
      }
      inbox.close(false);
    }
    assertThat(received).as("bytes fetched").isPositive();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
