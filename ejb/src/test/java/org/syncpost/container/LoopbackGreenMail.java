package org.syncpost.container;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.UUID;
import org.syncpost.container.MailServerMailboxes.Servers;
import org.syncpost.profile.entity.ServerType;

/**
 * The mail server of the engine tests in the container: GreenMail with SMTP, IMAP and POP3 on free
 * loopback ports, and accounts on it that all share {@link #PASSWORD}.
 */
public final class LoopbackGreenMail {

  public static final String PASSWORD = "greenmail-password";

  private LoopbackGreenMail() {}

  /** A GreenMail listening on loopback only, started; the test stops it. */
  public static GreenMail started() {
    GreenMail greenMail =
        new GreenMail(
            ServerSetup.dynamicPort(
                new ServerSetup[] {
                  new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                  new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                  new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3)
                }));
    greenMail.start();
    return greenMail;
  }

  /** A new account {@code box-…@example.org} whose login is its local part. */
  public static GreenMailUser account(GreenMail greenMail) {
    String login = "box-" + UUID.randomUUID().toString().substring(0, 8);
    return greenMail.setUser(login + "@example.org", login, PASSWORD);
  }

  /** The IMAP and SMTP servers of {@code greenMail}, for a profile. */
  public static Servers imap(GreenMail greenMail) {
    return new Servers(
        ServerType.IMAP_SMTP, greenMail.getImap().getPort(), greenMail.getSmtp().getPort());
  }

  /** The POP3 and SMTP servers of {@code greenMail}, for a profile. */
  public static Servers pop3(GreenMail greenMail) {
    return new Servers(
        ServerType.POP3_SMTP, greenMail.getPop3().getPort(), greenMail.getSmtp().getPort());
  }
}
