package org.syncpost.mailserver.control;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where a traced session's Jakarta Mail debug output goes: line by line to the log {@value
 * #LOGGER_NAME} (never to standard output), prefixed with whose connection it is, and with every
 * credential taken out — the commands that carry one (IMAP LOGIN and AUTHENTICATE, SMTP AUTH, POP3
 * PASS and APOP), SASL responses (a line of base64 alone) and the password itself wherever it would
 * appear. Angus Mail leaves the authentication dialogue out of its trace already ({@code
 * mail.debug.auth} is false); this is the second lock on the same door.
 */
final class ProtocolTrace extends OutputStream {

  static final String LOGGER_NAME = "org.syncpost.mailserver.trace";
  private static final System.Logger TRACE = System.getLogger(LOGGER_NAME);

  static final String REDACTED = "<redacted>";
  private static final int MAX_LINE = 4_000;

  private static final Pattern CREDENTIAL_COMMAND =
      Pattern.compile(
          "^((?:\\S+ )?(?:LOGIN|AUTHENTICATE|AUTH|PASS|APOP))\\b.*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SASL_RESPONSE = Pattern.compile("^[A-Za-z0-9+/]{8,}={0,2}$");

  private final String label;
  private final String password;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private ProtocolTrace(String label, String password) {
    this.label = label;
    this.password = password == null || password.isEmpty() ? null : password;
  }

  /** A print stream for {@code Session.setDebugOut}; {@code password} is what to take out. */
  static PrintStream to(String label, String password) {
    return new PrintStream(new ProtocolTrace(label, password), true, StandardCharsets.UTF_8);
  }

  /** The line as it may be logged. */
  static String redact(String text, String password) {
    String redacted = text;
    if (password != null && !password.isEmpty()) {
      redacted = redacted.replace(password, REDACTED);
    }
    var command = CREDENTIAL_COMMAND.matcher(redacted);
    if (command.matches()) {
      return command.group(1) + " " + REDACTED;
    }
    if (SASL_RESPONSE.matcher(redacted.strip()).matches()) {
      return REDACTED;
    }
    return redacted;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else if (b != '\r' && line.size() < MAX_LINE) {
      line.write(b);
    }
  }

  @Override
  public synchronized void flush() {
    // lines are logged when they end; a partial line waits for the rest
  }

  @Override
  public synchronized void close() {
    if (line.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    TRACE.log(System.Logger.Level.INFO, "[{0}] {1}", label, redact(text, password));
  }
}
