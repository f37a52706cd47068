package org.syncpost.testing.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.syncpost.testing.Eventually;

/**
 * A private Dovecot ({@code dovecot -F -c <generated dovecot.conf>}) for one test class: IMAP
 * (STARTTLS offered), IMAPS, POP3, POP3S on each of 127.0.0.1–127.0.0.4, each address presenting
 * its {@link ServerCertificate}; LMTP on 127.0.0.1; a SASL socket for Postfix. Users live in
 * passwd-files, mail in Maildir, all in a temporary directory deleted by {@link #close()}.
 *
 * <p>Needs root (as Debian's Dovecot normally runs): mail is stored as the system user {@code mail}
 * and the login processes run as {@code dovenull}, as in a real installation.
 */
public final class Dovecot implements AutoCloseable {

  private static final System.Logger LOGGER = System.getLogger(Dovecot.class.getName());
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration DOVEADM_TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern MESSAGES = Pattern.compile("messages=(\\d+)\\s*$");
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");
  private static final String MAIL_USER = "mail";
  private static final int START_ATTEMPTS = 3;

  private final DovecotConfiguration configuration;
  private final Path configFile;
  private final ServerProcess process;
  private final Set<String> userNames = new HashSet<>();

  private Dovecot(DovecotConfiguration configuration, Path configFile, ServerProcess process) {
    this.configuration = configuration;
    this.configFile = configFile;
    this.process = process;
  }

  /**
   * Starts Dovecot with the test CA's certificates and no users. Ports are chosen free; if another
   * program takes one before Dovecot binds it, Dovecot is started again on other ports.
   */
  public static Dovecot start(TestCertificates certificates) {
    return start(certificates, true);
  }

  /**
   * As {@link #start(TestCertificates)}; {@code offersIdle} false leaves IDLE out of the IMAP
   * capabilities, as on a server where push is not available.
   */
  public static Dovecot start(TestCertificates certificates, boolean offersIdle) {
    return start(certificates, offersIdle, null, false);
  }

  /**
   * As {@link #start(TestCertificates)}, with login processes shared by many connections (Dovecot's
   * high-performance mode), so that a client's reconnect resumes its TLS session.
   */
  public static Dovecot startResumingTls(TestCertificates certificates) {
    return start(certificates, true, null, true);
  }

  /**
   * As {@link #start(TestCertificates)}, also taking XOAUTH2 and OAUTHBEARER sign-ins whose access
   * token the authorization server at {@code introspectionUrl} (RFC 7662, with the client's
   * credentials as {@code user:password@} in the URL) says is active for the user's address.
   */
  public static Dovecot startWithOAuth2(TestCertificates certificates, String introspectionUrl) {
    return start(certificates, true, introspectionUrl, false);
  }

  private static Dovecot start(
      TestCertificates certificates,
      boolean offersIdle,
      String introspectionUrl,
      boolean resumesTls) {
    requireRoot();
    for (int attempt = 1; ; attempt++) {
      Path directory = TemporaryDirectories.create("syncpost-dovecot");
      try {
        return startIn(directory, certificates, offersIdle, introspectionUrl, resumesTls);
      } catch (RuntimeException e) {
        TemporaryDirectories.delete(directory);
        if (attempt == START_ATTEMPTS || !String.valueOf(e.getMessage()).contains("in use")) {
          throw e;
        }
        LOGGER.log(System.Logger.Level.INFO, "a Dovecot port was taken; starting again: {0}", e);
      }
    }
  }

  private static Dovecot startIn(
      Path directory,
      TestCertificates certificates,
      boolean offersIdle,
      String introspectionUrl,
      boolean resumesTls) {
    long started = System.nanoTime();
    Path mail = directory.resolve("mail");
    long[] ids = createOwnedByMailUser(mail);
    DovecotConfiguration configuration =
        new DovecotConfiguration(
            directory,
            DovecotPorts.free(),
            certificates,
            MAIL_USER,
            ids[0],
            ids[1],
            offersIdle,
            introspectionUrl,
            resumesTls);
    Path configFile = directory.resolve("dovecot.conf");
    try {
      Files.writeString(configFile, configuration.text(), StandardCharsets.UTF_8);
      if (introspectionUrl != null) {
        Files.writeString(
            configuration.oauth2Settings(),
            configuration.oauth2Settings(introspectionUrl),
            StandardCharsets.UTF_8);
      }
      Files.createDirectories(configuration.passwordFiles());
      Files.createDirectories(configuration.masterPasswordFiles());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServerProcess process =
        ServerProcess.start(
            "Dovecot",
            List.of("dovecot", "-F", "-c", configFile.toString()),
            directory.resolve("dovecot.out"),
            null);
    try {
      DovecotPorts ports = configuration.ports();
      process.awaitListening(
          START_TIMEOUT,
          configuration.log(),
          List.of(
              new InetSocketAddress("127.0.0.1", ports.imap()),
              new InetSocketAddress("127.0.0.1", ports.imaps()),
              new InetSocketAddress("127.0.0.1", ports.pop3()),
              new InetSocketAddress("127.0.0.1", ports.pop3s()),
              new InetSocketAddress("127.0.0.1", ports.lmtp()),
              new InetSocketAddress(ServerCertificate.REVOKED.address(), ports.imaps())));
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "Dovecot ready in {0} ms: {1}",
          (System.nanoTime() - started) / 1_000_000,
          ports);
      return new Dovecot(configuration, configFile, process);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  public int imapPort() {
    return configuration.ports().imap();
  }

  public int imapsPort() {
    return configuration.ports().imaps();
  }

  public int pop3Port() {
    return configuration.ports().pop3();
  }

  public int pop3sPort() {
    return configuration.ports().pop3s();
  }

  /** LMTP on 127.0.0.1, where Postfix delivers. */
  public int lmtpPort() {
    return configuration.ports().lmtp();
  }

  /** The Dovecot SASL socket ({@code smtpd_sasl_type = dovecot}); any local user may connect. */
  public Path authSocket() {
    return configuration.authSocket();
  }

  /**
   * Where Dovecot logs logins, deliveries and errors: the first place to look when a test fails.
   */
  public Path log() {
    return configuration.log();
  }

  /**
   * Adds a user, or changes a user's password; effective when this returns. The mailbox is created
   * on first delivery or login.
   */
  public synchronized MailUser addUser(String name, String password) {
    MailUser user = new MailUser(name, password);
    boolean changed = !userNames.add(user.name());
    // base64, so a password may hold ':' (the passwd-file field separator) or any character
    String encoded =
        Base64.getEncoder().encodeToString(user.password().getBytes(StandardCharsets.UTF_8));
    replace(
        configuration.passwordFiles().resolve(user.name()),
        user.name() + ":{PLAIN.B64}" + encoded + "::::::\n");
    if (changed) {
      awaitPasswordAccepted(user);
    }
    return user;
  }

  /**
   * Adds many new users with one password at once (a benchmark's thousands): their passwd-files are
   * written first, then one sign-in is checked, instead of one check per user; effective when this
   * returns.
   */
  public synchronized List<MailUser> addUsers(List<String> names, String password) {
    List<MailUser> users = new ArrayList<>();
    String encoded = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
    for (String name : names) {
      MailUser user = new MailUser(name, password);
      if (!userNames.add(user.name())) {
        throw new IllegalArgumentException("already a user: " + name);
      }
      replace(
          configuration.passwordFiles().resolve(user.name()),
          user.name() + ":{PLAIN.B64}" + encoded + "::::::\n");
      users.add(user);
    }
    if (!users.isEmpty()) {
      awaitPasswordAccepted(users.get(users.size() - 1));
    }
    return users;
  }

  /**
   * Makes {@code user} (added with {@link #addUser}) a master user: it may then sign in on behalf
   * of any other user, by SASL PLAIN with an authorization identity or by the login {@code
   * <user>*<master>} ({@code auth_master_user_separator = *}). Effective when this returns.
   */
  public synchronized void makeMaster(MailUser user) {
    String encoded =
        Base64.getEncoder().encodeToString(user.password().getBytes(StandardCharsets.UTF_8));
    replace(
        configuration.masterPasswordFiles().resolve(user.name()),
        user.name() + ":{PLAIN.B64}" + encoded + "::::::\n");
  }

  /** Stores a message in the user's INBOX (as {@code doveadm save}: no filtering, no LMTP). */
  public void deliver(String user, byte[] rfc822) {
    deliver(user, "INBOX", rfc822);
  }

  public void deliver(String user, String folder, byte[] rfc822) {
    runDoveadm(rfc822, "save", "-u", user, "-m", folder);
  }

  /** Closes every connection {@code user} has open now, as a server restart or timeout would. */
  public void kick(String user) {
    runDoveadm(null, "kick", user);
  }

  public void createFolder(String user, String folder) {
    runDoveadm(null, "mailbox", "create", "-u", user, folder);
  }

  /**
   * Puts messages straight into {@code user}'s INBOX Maildir (one file each, in {@code cur/}, their
   * arrival time the file's), for seeding thousands of messages in seconds; Dovecot gives them UIDs
   * when the folder is next opened. Only while no client has the folder open.
   *
   * @return the bytes written
   */
  public long seedInbox(String user, Iterator<byte[]> messages) {
    Path maildir = configuration.mailDirectory().resolve(user).resolve("Maildir");
    try {
      UserPrincipalLookupService names = maildir.getFileSystem().getUserPrincipalLookupService();
      var mail = names.lookupPrincipalByName(MAIL_USER);
      for (String sub : List.of("cur", "new", "tmp")) {
        Files.createDirectories(maildir.resolve(sub));
      }
      for (Path dir = maildir.resolve("cur");
          !dir.equals(configuration.mailDirectory());
          dir = dir.getParent()) {
        Files.setOwner(dir, mail);
      }
      for (String sub : List.of("new", "tmp")) {
        Files.setOwner(maildir.resolve(sub), mail);
      }
      long seconds = System.currentTimeMillis() / 1000;
      long bytes = 0;
      for (int i = 0; messages.hasNext(); i++) {
        byte[] message = messages.next();
        // Maildir names: <time>.<unique>.<host>,S=<size>:2,<flags> (no flags: unread)
        Path file =
            maildir
                .resolve("cur")
                .resolve(seconds + ".M" + i + "P0.seed,S=" + message.length + ":2,");
        Files.write(file, message);
        Files.setOwner(file, mail);
        bytes += message.length;
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("could not seed " + maildir, e);
    }
  }

  /**
   * From now on, Dovecot keeps what each IMAP connection of {@code user} sends, one file per
   * connection (its rawlog), for {@link #imapCommands}. Counts connections made after this call.
   */
  public void recordImapCommands(String user) {
    Path rawlog = configuration.mailDirectory().resolve(user).resolve("rawlog");
    try {
      Files.createDirectories(rawlog);
      for (Path dir = rawlog; !dir.equals(configuration.mailDirectory()); dir = dir.getParent()) {
        Files.setOwner(
            dir,
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(MAIL_USER));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + rawlog, e);
    }
  }

  /**
   * The IMAP commands {@code user}'s connections sent since {@link #recordImapCommands}, one list
   * per connection (oldest first), each command as its line without the tag, e.g. {@code "IDLE"} or
   * {@code "UID FETCH 1:* (UID)"}; continuation lines such as {@code DONE} as sent.
   */
  public List<List<String>> imapCommands(String user) {
    return imapCommands(user, Instant.EPOCH);
  }

  /**
   * As {@link #imapCommands(String)}, only the commands sent at or after {@code since}: of a
   * connection opened before, the commands sent over it since (none of them a sign-in); a
   * connection that sent nothing since is left out.
   */
  public List<List<String>> imapCommands(String user, Instant since) {
    Path rawlog = configuration.mailDirectory().resolve(user).resolve("rawlog");
    List<List<String>> connections = new ArrayList<>();
    try (var files = Files.list(rawlog)) {
      for (Path in : files.filter(f -> f.toString().endsWith(".in")).sorted().toList()) {
        List<String> commands = new ArrayList<>();
        for (String line : Files.readAllLines(in, StandardCharsets.ISO_8859_1)) {
          // "<seconds.micros> <tag> <command>", or "<seconds.micros> DONE"
          String[] words = line.split(" ", 3);
          if (!sentAt(words[0]).isBefore(since)) {
            commands.add(words.length == 3 ? words[2] : words[words.length - 1]);
          }
        }
        if (!commands.isEmpty()) {
          connections.add(commands);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + rawlog, e);
    }
    return connections;
  }

  /** A rawlog line's time stamp, {@code <seconds>.<micros>} since the epoch. */
  private static Instant sentAt(String stamp) {
    String[] parts = stamp.split("\\.", 2);
    long micros = parts.length == 2 ? Long.parseLong(parts[1]) : 0;
    return Instant.ofEpochSecond(Long.parseLong(parts[0]), micros * 1000);
  }

  public int messageCount(String user, String folder) {
    String status =
        runDoveadm(null, "-f", "flow", "mailbox", "status", "-u", user, "messages", folder);
    Matcher count = MESSAGES.matcher(status.strip());
    if (!count.find()) {
      throw new IllegalStateException("unexpected doveadm mailbox status output: " + status);
    }
    return Integer.parseInt(count.group(1));
  }

  /**
   * Waits until {@code folder} holds {@code expected} messages, for mail that arrives through
   * Postfix and LMTP a moment after it was sent.
   *
   * @return the count when it matched or the wait ended, for an assertion with a clear message
   */
  public int awaitMessageCount(String user, String folder, int expected, Duration timeout) {
    return Eventually.lastWithin(
        timeout, () -> messageCount(user, folder), count -> count == expected);
  }

  /** The Message-IDs of the messages in {@code folder}, one per message, in mailbox order. */
  public List<String> messageIds(String user, String folder) {
    String fetched = doveadm("fetch", "-u", user, "hdr.message-id", "mailbox", folder, "all");
    List<String> ids = new ArrayList<>();
    Matcher matcher = MESSAGE_ID.matcher(fetched);
    while (matcher.find()) {
      ids.add(matcher.group());
    }
    return ids;
  }

  /**
   * Runs {@code doveadm} against this Dovecot, e.g. {@code doveadm("mailbox", "list", "-u", u)}.
   */
  public String doveadm(String... arguments) {
    return runDoveadm(null, arguments);
  }

  private String runDoveadm(byte[] input, String... arguments) {
    List<String> command = new ArrayList<>(List.of("doveadm", "-c", configFile.toString()));
    command.addAll(List.of(arguments));
    return ExternalCommand.run(DOVEADM_TIMEOUT, configuration.directory(), input, command);
  }

  /** Stops Dovecot and all its processes, then deletes its directory and the mail in it. */
  @Override
  public void close() {
    try {
      process.close();
    } finally {
      TemporaryDirectories.delete(configuration.directory());
    }
  }

  /** Dovecot notices a changed passwd-file within a second (it checks at most once a second). */
  private void awaitPasswordAccepted(MailUser user) {
    Eventually.within(
        Duration.ofSeconds(5),
        "Dovecot to accept the new password of " + user.name(),
        () -> {
          runDoveadm(null, "auth", "test", "-x", "service=imap", user.name(), user.password());
          return true;
        });
  }

  private static void replace(Path file, String content) {
    try {
      Path next = file.resolveSibling(file.getFileName() + ".next");
      Files.writeString(next, content, StandardCharsets.UTF_8);
      // a rename, so Dovecot never reads a half-written file
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  /** Creates the directory owned by the system user {@code mail}; returns its uid and gid. */
  private static long[] createOwnedByMailUser(Path directory) {
    try {
      Files.createDirectories(directory);
      UserPrincipalLookupService names = directory.getFileSystem().getUserPrincipalLookupService();
      PosixFileAttributeView view =
          Files.getFileAttributeView(directory, PosixFileAttributeView.class);
      view.setOwner(names.lookupPrincipalByName(MAIL_USER));
      GroupPrincipal group = names.lookupPrincipalByGroupName(MAIL_USER);
      view.setGroup(group);
      return new long[] {
        ((Number) Files.getAttribute(directory, "unix:uid")).longValue(),
        ((Number) Files.getAttribute(directory, "unix:gid")).longValue()
      };
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not give " + directory + " to the system user " + MAIL_USER, e);
    }
  }

  static void requireRoot() {
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new ServerStartFailed(
          "the private Dovecot and Postfix test servers need root (they run their worker"
              + " processes as the system users mail, dovenull and postfix, as in production);"
              + " run the build as root, e.g. in the CI container");
    }
  }
}
