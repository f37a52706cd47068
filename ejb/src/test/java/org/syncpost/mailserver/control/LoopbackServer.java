package org.syncpost.mailserver.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Test fixture: a misbehaving server on 127.0.0.1 and a free port, for the failures a real mail
 * server does not produce on demand. Closing it closes every connection it accepted.
 */
final class LoopbackServer implements AutoCloseable {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final ServerSocket listener;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private LoopbackServer(ServerSocket listener, Consumer<Socket> behaviour) {
    this.listener = listener;
    this.acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try {
                  Socket socket = listener.accept();
                  accepted.add(socket);
                  behaviour.accept(socket);
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "loopback-server-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Accepts connections and never says a word. */
  static LoopbackServer silent() {
    return new LoopbackServer(plainListener(), socket -> {});
  }

  /** Accepts connections and closes them at once. */
  static LoopbackServer hangingUp() {
    return new LoopbackServer(plainListener(), LoopbackServer::closeQuietly);
  }

  /**
   * Implicit TLS with the key in {@code keyStore}; after a handshake the client accepts, it greets
   * as an IMAP server and then says nothing more.
   */
  static LoopbackServer tls(Path keyStore, String password) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        keys.load(in, password.toCharArray());
      }
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, null);
      ServerSocket listener = context.getServerSocketFactory().createServerSocket(0, 10, LOOPBACK);
      return new LoopbackServer(
          listener,
          socket ->
              new Thread(
                      () -> {
                        try {
                          ((SSLSocket) socket).startHandshake();
                          socket
                              .getOutputStream()
                              .write(
                                  "* OK test server ready\r\n".getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException refusedByClient) {
                          closeQuietly(socket);
                        }
                      })
                  .start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A loopback port nothing listens on (it was free a moment ago). */
  static int unusedPort() {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(LOOPBACK, 0));
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() {
    closeQuietly(listener);
    accepted.forEach(LoopbackServer::closeQuietly);
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ServerSocket plainListener() {
    try {
      return new ServerSocket(0, 10, LOOPBACK);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception alreadyGone) {
      // the test is over with this connection either way
    }
  }
}
