package org.syncpost.profile.entity;

import java.util.Optional;
import java.util.regex.Pattern;

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
      return isHost(trimmed)
          ? Optional.of(new ServerAddress(trimmed, Optional.empty()))
          : Optional.empty();
    }
    try {
      int port = Integer.parseInt(trimmed.substring(colon + 1));
      if (port < 1 || port > 65535) {
        return Optional.empty();
      }
      String host = trimmed.substring(0, colon);
      return isHost(host)
          ? Optional.of(new ServerAddress(host, Optional.of(port)))
          : Optional.empty();
    } catch (NumberFormatException notAPort) {
      return Optional.empty();
    }
  }

  /**
   * A DNS name (RFC 1123 section 2.1, labels of letters, digits and hyphens; underscores as some
   * internal names have them), an IPv4 address, or an IPv6 address, bare or in brackets: no spaces,
   * no control characters, nothing a mail client would choke on.
   */
  private static boolean isHost(String host) {
    return DNS_NAME.matcher(host).matches() || IPV6.matcher(host).matches();
  }

  private static final Pattern DNS_NAME =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
              + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");

  private static final Pattern IPV6 =
      Pattern.compile("\\[[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?\\]|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
}
