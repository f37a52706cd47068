package org.syncpost.testing.mail;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The connections that clients on this machine hold open to a loopback port, as the kernel's socket
 * tables show them ({@code /proc/net/tcp} and {@code tcp6}, Linux): a client socket whose owner has
 * not closed it yet, {@code ESTABLISHED}, or {@code CLOSE_WAIT} when the server closed first.
 *
 * <p>It is the client's side that is read because only there does a close change the socket's state
 * at once, inside the client's {@code close()}: a client that closes one connection and then opens
 * the next is seen holding one at a time. The server's side of the closed connection stays {@code
 * ESTABLISHED} until the kernel has handled the client's FIN, which may come after the next
 * connection's SYN when the two came from different cores.
 */
final class ClientSockets {

  private static final List<Path> TABLES =
      List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

  /** 127.0.0.1, as /proc/net/tcp writes it, and as an IPv4-mapped address in tcp6. */
  private static final List<String> LOOPBACK =
      List.of("0100007F:", "0000000000000000FFFF00000100007F:");

  private static final String ESTABLISHED = "01";
  private static final String CLOSE_WAIT = "08";

  private ClientSockets() {}

  /** Whether this machine has the tables (Linux); elsewhere callers count otherwise. */
  static boolean readable() {
    return Files.isReadable(TABLES.get(0));
  }

  /**
   * The local ports of the client sockets connected to 127.0.0.1:{@code port} and held open now.
   * The caller must pick its own clients from them: a socket left over from an earlier server on
   * the same port, which its owner never closed, waits in {@code CLOSE_WAIT} as long as its owner
   * lives. A set, because the kernel writes a table in pieces, and a socket made while it does may
   * shift a line already written into the next piece, which would list it twice.
   */
  static Set<Integer> portsHeldOpenTo(int port) {
    String hexPort = String.format(Locale.ROOT, "%04X", port);
    Set<Integer> held = new HashSet<>();
    for (Path table : TABLES) {
      if (!Files.isReadable(table)) {
        continue;
      }
      // a stream, not a channel: the proxy's threads are interrupted when it closes, and an
      // interrupted channel read fails where a stream read finishes
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(
                  new FileInputStream(table.toFile()), StandardCharsets.US_ASCII))) {
        lines
            .lines()
            .skip(1)
            .map(line -> line.trim().split("\\s+", 5))
            .filter(fields -> fields.length > 3 && heldOpenTo(fields, hexPort))
            .forEach(fields -> held.add(portOf(fields[1])));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + table, e);
      }
    }
    return held;
  }

  private static int portOf(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
  }

  /** A line {@code sl local_address rem_address st ...} whose remote is the port. */
  private static boolean heldOpenTo(String[] fields, String hexPort) {
    String remote = fields[2];
    String state = fields[3];
    return remote.endsWith(":" + hexPort)
        && LOOPBACK.stream().anyMatch(remote::startsWith)
        && (state.equals(ESTABLISHED) || state.equals(CLOSE_WAIT));
  }
}
