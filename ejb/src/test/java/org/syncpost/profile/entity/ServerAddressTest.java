package org.syncpost.profile.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {

  @Test
  void plainHostHasNoPort() {
    assertThat(ServerAddress.parse("imap.example.com"))
        .contains(new ServerAddress("imap.example.com", Optional.empty()));
  }

  @Test
  void hostAndPortAreSplitAtTheColon() {
    assertThat(ServerAddress.parse("imap.example.com:1993"))
        .contains(new ServerAddress("imap.example.com", Optional.of(1993)));
  }

  @Test
  void surroundingSpacesAreIgnored() {
    assertThat(ServerAddress.parse("  imap.example.com:993 "))
        .contains(new ServerAddress("imap.example.com", Optional.of(993)));
  }

  @Test
  void bracketedIpv6AddressWithPortIsSplitAfterTheBracket() {
    assertThat(ServerAddress.parse("[::1]:993"))
        .contains(new ServerAddress("[::1]", Optional.of(993)));
  }

  @Test
  void bracketedIpv6AddressWithoutPortHasNoPort() {
    assertThat(ServerAddress.parse("[::1]")).contains(new ServerAddress("[::1]", Optional.empty()));
  }

  @Test
  void bareIpv6AddressIsNotMistakenForHostAndPort() {
    assertThat(ServerAddress.parse("fe80::1"))
        .contains(new ServerAddress("fe80::1", Optional.empty()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"imap.example.com:0", "imap.example.com:70000", "imap.example.com:abc", "host:"})
  void portThatIsNotANumberFrom1To65535MakesTheAddressInvalid(String location) {
    assertThat(ServerAddress.parse(location)).isEmpty();
  }

  @Test
  void highestPortIsValid() {
    assertThat(ServerAddress.parse("host:65535"))
        .contains(new ServerAddress("host", Optional.of(65535)));
  }

  @Test
  void aPortWithoutHostIsRejected() {
    assertThat(ServerAddress.parse(":993")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "imap example com",
        "imap.example.com\r\nX-Injected: 1",
        "imap.example.com:99 3",
        "-imap.example.com",
        "imap..example.com",
        "imap/example.com",
        "[::1"
      })
  void aHostNameWithSpacesOrOtherCharactersThanAHostHasIsRefused(String location) {
    assertThat(ServerAddress.parse(location)).isEmpty();
  }
}
