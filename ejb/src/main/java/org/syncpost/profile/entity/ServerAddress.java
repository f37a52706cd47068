package org.syncpost.profile.entity;

import java.util.Optional;

/**
 * A server location as typed: a host name, or {@code host:port}, or an IPv6 literal in brackets.
 *
 * @param host the host name or address, without a port
 * @param port the port written after the host, if any
 */
public record ServerAddress(String host, Optional<Integer> port) {

  /**
   * Parses {@code location}; empty when there is no host before the port, or the port part is not a
   * number from 1 to 65535.
   */
  public static Optional<ServerAddress> parse(String location) {
    String trimmed = location.strip();
    int colon = trimmed.lastIndexOf(':');
    boolean bracketedIpv6 = trimmed.startsWith("[");
    boolean hasPort =
        colon > 0
            && (bracketedIpv6 ? trimmed.charAt(colon - 1) == ']' : trimmed.indexOf(':') == colon);
    if (trimmed.isEmpty() || trimmed.startsWith(":")) {
      return Optional.empty();
    }
    if (!hasPort) {
      return Optional.of(new ServerAddress(trimmed, Optional.empty()));
    }
    try {
      int port = Integer.parseInt(trimmed.substring(colon + 1));
      if (port < 1 || port > 65535) {
        return Optional.empty();
      }
      return Optional.of(new ServerAddress(trimmed.substring(0, colon), Optional.of(port)));
    } catch (NumberFormatException notAPort) {
      return Optional.empty();
    }
  }
}
