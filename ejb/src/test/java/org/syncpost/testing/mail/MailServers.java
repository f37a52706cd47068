package org.syncpost.testing.mail;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real mail servers for one test class: the test CA, Dovecot and (if asked for) Postfix, started
 * before the class's first test and stopped after its last, also when tests fail.
 *
 * <pre>{@code
 * @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();
 *
 * @Test void readsMail() {
 *   MailUser alice = servers.dovecot().addUser("alice", "secret");
 *   servers.dovecot().deliver(alice.name(), Messages.plainText(...));
 *   ... connect to 127.0.0.1:servers.dovecot().imapsPort() trusting servers.certificates() ...
 * }
 * }</pre>
 *
 * The field must be static: JUnit calls class-level callbacks only on static extension fields.
 * Outside JUnit, {@link #start()} and {@link #close()} do the same.
 */
public final class MailServers implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  private static final System.Logger LOGGER = System.getLogger(MailServers.class.getName());

  private final boolean withPostfix;
  private final boolean offersIdle;
  private final boolean resumesTls;
  private StartedServers started;
  private Class<?> startedFor;
  private TestCertificates certificates;
  private Dovecot dovecot;
  private Postfix postfix;

  private MailServers(boolean withPostfix, boolean offersIdle, boolean resumesTls) {
    this.withPostfix = withPostfix;
    this.offersIdle = offersIdle;
    this.resumesTls = resumesTls;
  }

  /** The test CA (with OCSP and CRL) and Dovecot: for reading mail over IMAP and POP3. */
  public static MailServers withDovecot() {
    return new MailServers(false, true, false);
  }

  /** As {@link #withDovecot()}, but Dovecot does not offer IMAP IDLE: push is not available. */
  public static MailServers withDovecotWithoutIdle() {
    return new MailServers(false, false, false);
  }

  /**
   * As {@link #withDovecot()}, with Dovecot's login processes shared by many connections (its
   * high-performance mode), so that a reconnect resumes its TLS session: the default mode resumes
   * none.
   */
  public static MailServers withDovecotResumingTls() {
    return new MailServers(false, true, true);
  }

  /** The test CA, Dovecot and Postfix: for sending mail too. */
  public static MailServers withDovecotAndPostfix() {
    return new MailServers(true, true, false);
  }

  public synchronized MailServers start() {
    if (started != null) {
      return this;
    }
    long begin = System.nanoTime();
    StartedServers servers = new StartedServers();
    try {
      certificates = servers.add(TestCertificates.create());
      dovecot =
          servers.add(
              resumesTls
                  ? Dovecot.startResumingTls(certificates)
                  : Dovecot.start(certificates, offersIdle));
      if (withPostfix) {
        postfix = servers.add(Postfix.start(dovecot, certificates));
      }
    } catch (RuntimeException e) {
      certificates = null;
      dovecot = null;
      postfix = null;
      throw servers.closeAfter(e);
    }
    started = servers;
    LOGGER.log(
        System.Logger.Level.INFO,
        "mail servers ready in {0} ms",
        (System.nanoTime() - begin) / 1_000_000);
    return this;
  }

  public TestCertificates certificates() {
    return running(certificates);
  }

  public Dovecot dovecot() {
    return running(dovecot);
  }

  /** Postfix; only for {@link #withDovecotAndPostfix()}. */
  public Postfix postfix() {
    if (!withPostfix) {
      throw new IllegalStateException(
          "these mail servers were made without Postfix: use MailServers.withDovecotAndPostfix()");
    }
    return running(postfix);
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (started == null) {
      start();
      startedFor = context.getRequiredTestClass();
    }
  }

  /** Stops the servers after the class that started them; {@code @Nested} classes share them. */
  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (context.getRequiredTestClass().equals(startedFor)) {
      close();
    }
  }

  @Override
  public synchronized void close() {
    if (started == null) {
      return;
    }
    try {
      started.close();
    } finally {
      started = null;
      startedFor = null;
      certificates = null;
      dovecot = null;
      postfix = null;
    }
  }

  private synchronized <T> T running(T server) {
    if (started == null) {
      throw new IllegalStateException(
          "the mail servers are not running: register MailServers on a static field with"
              + " @RegisterExtension, or call start()");
    }
    return server;
  }
}
