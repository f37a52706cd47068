package org.syncpost.testing.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on 127.0.0.1 in front of a test server, counting the client connections that the
 * server sees: how many are open now, the most that were open at once, and how many there were. It
 * passes bytes through untouched, so TLS (implicit or STARTTLS) works end to end; the server's
 * certificate must name 127.0.0.1, as {@link ServerCertificate#VALID} does.
 *
 * <p>It exists to prove limits such as "at most N connections to one server at once" where they
 * matter, at the server, rather than by counting inside the code under test.
 */
public final class ConnectionCountingProxy implements AutoCloseable {

  private static final System.Logger LOGGER =
      System.getLogger(ConnectionCountingProxy.class.getName());
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final ExecutorService threads;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicInteger total = new AtomicInteger();
  private volatile boolean closed;

  private ConnectionCountingProxy(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "proxy to " + target);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts forwarding a free port of 127.0.0.1 to {@code host:port}. */
  public static ConnectionCountingProxy forwardingTo(String host, int port) {
    try {
      ServerSocket listener = new ServerSocket(0, 100, InetAddress.getByName("127.0.0.1"));
      ConnectionCountingProxy proxy =
          new ConnectionCountingProxy(listener, new InetSocketAddress(host, port));
      proxy.threads.execute(proxy::acceptConnections);
      return proxy;
    } catch (IOException e) {
      throw new ServerStartFailed("could not listen on 127.0.0.1", e);
    }
  }

  /** Always 127.0.0.1. */
  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Connections open now (from the moment the server accepted them until either side closed). */
  public int openConnections() {
    return open.get();
  }

  /** The most connections that were open at the same time since start or {@link #resetPeak()}. */
  public int peakConnections() {
    return peak.get();
  }

  /** All connections forwarded so far. */
  public int totalConnections() {
    return total.get();
  }

  /** Starts a new measurement of the peak from the connections open now. */
  public void resetPeak() {
    peak.set(open.get());
  }

  /**
   * Waits until at most {@code count} connections are open, as a client's close reaches the proxy a
   * moment after the client returned.
   *
   * @return the number open when the wait ended
   */
  public int awaitOpenConnectionsAtMost(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (open.get() > count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return open.get();
  }

  private void acceptConnections() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        threads.execute(() -> forward(client));
      } catch (IOException e) {
        if (!closed) {
          LOGGER.log(System.Logger.Level.WARNING, "proxy to " + target + " stopped accepting", e);
        }
        return;
      }
    }
  }

  private void forward(Socket client) {
    Socket server = new Socket();
    sockets.add(client);
    sockets.add(server);
    try {
      server.connect(target, CONNECT_TIMEOUT_MILLIS);
    } catch (IOException refused) {
      // the server never saw this connection, so it is not counted
      closeQuietly(client);
      closeQuietly(server);
      return;
    }
    total.incrementAndGet();
    peak.accumulateAndGet(open.incrementAndGet(), Math::max);
    AtomicInteger directionsLeft = new AtomicInteger(2);
    Runnable directionDone =
        () -> {
          if (directionsLeft.decrementAndGet() == 0) {
            closeQuietly(client);
            closeQuietly(server);
            open.decrementAndGet();
          }
        };
    threads.execute(() -> pump(server, client, directionDone));
    pump(client, server, directionDone);
  }

  /** Copies one direction; at its end, half-closes the other side so the peer sees EOF too. */
  private void pump(Socket from, Socket to, Runnable done) {
    try {
      // the streams are not closed here: closing one closes the socket, and the other direction
      // may still be carrying data; the socket is closed once both directions are done
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[16 * 1024];
      for (int read; (read = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, read);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException resetOrClosed) {
      // a reset or a close on either side ends this direction like EOF, and the other with it
      closeQuietly(to);
      closeQuietly(from);
    } finally {
      done.run();
    }
  }

  private void closeQuietly(Socket socket) {
    sockets.remove(socket);
    try {
      socket.close();
    } catch (IOException ignored) {
      // the connection is being torn down anyway
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // not listening any more either way
    }
    sockets.forEach(this::closeQuietly);
    threads.shutdownNow();
  }
}
