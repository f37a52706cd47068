package org.syncpost.mailserver.control;

import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.Endpoint;
import org.syncpost.mailserver.entity.MailProtocol;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.mailserver.entity.TlsMode;
import org.syncpost.mailserver.entity.TrustSettings;

/** Test fixture: an endpoint on loopback, changed one component at a time. */
final class EndpointFixture {

  private MailProtocol protocol = MailProtocol.IMAP;
  private String host = "127.0.0.1";
  private int port;
  private TlsMode tlsMode = TlsMode.STARTTLS_IF_OFFERED;
  private int timeoutSeconds = 5;
  private String username = "alice";
  private Secret password = Secret.of("correct-horse-battery");
  private AuthProtocol authProtocol = AuthProtocol.AUTO_DETECT;
  private String pem;
  private RevocationCheck revocationCheck = RevocationCheck.ON;
  private String key = "mailbox-1-incoming";
  private int max = 10;
  private String actingFor;
  private String authorizationId;

  private EndpointFixture(MailProtocol protocol, int port) {
    this.protocol = protocol;
    this.port = port;
  }

  static EndpointFixture imap(int port) {
    return new EndpointFixture(MailProtocol.IMAP, port);
  }

  static EndpointFixture pop3(int port) {
    return new EndpointFixture(MailProtocol.POP3, port);
  }

  static EndpointFixture smtp(int port) {
    return new EndpointFixture(MailProtocol.SMTP, port).key("mailbox-1-outgoing");
  }

  EndpointFixture host(String value) {
    host = value;
    return this;
  }

  EndpointFixture tls(TlsMode value) {
    tlsMode = value;
    return this;
  }

  EndpointFixture timeoutSeconds(int value) {
    timeoutSeconds = value;
    return this;
  }

  EndpointFixture username(String value) {
    username = value;
    return this;
  }

  EndpointFixture password(String value) {
    password = value == null ? null : Secret.of(value);
    return this;
  }

  EndpointFixture auth(AuthProtocol value) {
    authProtocol = value;
    return this;
  }

  EndpointFixture trusting(String pemText) {
    pem = pemText;
    return this;
  }

  EndpointFixture revocation(RevocationCheck value) {
    revocationCheck = value;
    return this;
  }

  EndpointFixture key(String value) {
    key = value;
    return this;
  }

  EndpointFixture max(int value) {
    max = value;
    return this;
  }

  /** The account signs in for {@code mailbox} with it as SASL authorization identity. */
  EndpointFixture authorizingAs(String mailbox) {
    actingFor = mailbox;
    authorizationId = mailbox;
    return this;
  }

  /** The account signs in for {@code mailbox} by a master-user login name. */
  EndpointFixture masterLoginFor(String mailbox) {
    actingFor = mailbox;
    authorizationId = null;
    return this;
  }

  Endpoint build() {
    return new Endpoint(
        protocol,
        host,
        port,
        tlsMode,
        timeoutSeconds,
        username,
        password,
        authProtocol,
        new TrustSettings(pem, revocationCheck),
        key,
        max,
        null,
        actingFor,
        authorizationId);
  }
}
