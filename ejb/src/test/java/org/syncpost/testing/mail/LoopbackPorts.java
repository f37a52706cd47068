package org.syncpost.testing.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free TCP ports for the test servers. A port is handed out only if it is free on every loopback
 * address the servers use (127.0.0.1 to 127.0.0.4), and never twice in one JVM, so two fixtures
 * started one after the other cannot be given the same port before either has bound it.
 */
final class LoopbackPorts {

  /** The loopback addresses that present the test certificates; see {@link ServerCertificate}. */
  static final List<String> ADDRESSES = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4");

  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private LoopbackPorts() {}

  static int free() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = candidate();
      if (freeOnEveryAddress(port) && HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("found no TCP port free on all of " + ADDRESSES);
  }

  private static int candidate() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(ADDRESSES.get(0)))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a port on " + ADDRESSES.get(0), e);
    }
  }

  private static boolean freeOnEveryAddress(int port) {
    List<ServerSocket> bound = new ArrayList<>();
    try {
      for (String address : ADDRESSES) {
        ServerSocket socket = new ServerSocket();
        bound.add(socket);
        socket.bind(new InetSocketAddress(InetAddress.getByName(address), port), 1);
      }
      return true;
    } catch (IOException taken) {
      return false;
    } finally {
      for (ServerSocket socket : bound) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a listening socket that accepted nothing cannot lose data
        }
      }
    }
  }
}
