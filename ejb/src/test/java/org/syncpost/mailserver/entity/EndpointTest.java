package org.syncpost.mailserver.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.syncpost.crypto.entity.Secret;

class EndpointTest {

  private static Endpoint endpoint(String host) {
    return new Endpoint(
        MailProtocol.IMAP,
        host,
        993,
        TlsMode.IMPLICIT,
        30,
        "alice@example.com",
        Secret.of("hunter2-very-secret"),
        AuthProtocol.AUTO_DETECT,
        TrustSettings.jdkDefaults(),
        "mailbox-7-incoming",
        10);
  }

  @Test
  void toStringHidesThePassword() {
    assertThat(endpoint("imap.example.com").toString())
        .doesNotContain("hunter2-very-secret")
        .contains("password=****");
  }

  @Test
  void describeNamesProtocolHostAndPortButNoCredentials() {
    assertThat(endpoint("imap.example.com").describe())
        .isEqualTo("IMAP server imap.example.com:993");
  }

  @Test
  void anIpv6AddressIsBracketedBeforeThePort() {
    assertThat(endpoint("2001:db8::25").describe()).isEqualTo("IMAP server [2001:db8::25]:993");
  }
}
