package org.syncpost.testing.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.syncpost.testing.Eventually;

/**
 * A TCP forwarder on 127.0.0.1 in front of a test server, counting the client connections that the
 * server sees: how many are open now, the most that were open at once, and how many there were. It
 * passes bytes through untouched, so TLS (implicit or STARTTLS) works end to end; the server's
 * certificate must name 127.0.0.1, as {@link ServerCertificate#VALID} does.
 *
 * <p>It exists to prove limits such as "at most N connections to one server at once" where they
 * matter, on the wire, rather than by counting inside the code under test. The peak is read from
 * its clients' sockets ({@link ClientSockets}) each time a connection comes in: the proxy's own
 * threads see a client's close a moment late, so counting by them, a client that closed one
 * connection and opened the next at once seemed to hold both (ScaleBenchmark's 301 connections for
 * a profile maximum of 300).
 *
 * <p>Made with {@link #cuttingConnections}, it also plays a bad network: some connections are cut
 * (reset, as a failing router would, or closed, as a server process that dies) after a random
 * number of bytes, during the TLS handshake, the sign-in or in the middle of a FETCH response
 * alike.
 */
public final class ConnectionCountingProxy implements AutoCloseable {

  private static final System.Logger LOGGER =
      System.getLogger(ConnectionCountingProxy.class.getName());
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final ExecutorService threads;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger cut = new AtomicInteger();
  private final Cuts cuts;
  private final Random random;
  private volatile boolean closed;

  /**
   * Which connections are cut, and where: connections are cut, each after a number of bytes (both
   * directions together) drawn evenly from 1 to {@code maxBytes}, until {@code count} were cut (one
   * that ends before its draw does not count); later ones pass untouched. The draws come from
   * {@code seed}, so that a failing run's can be repeated.
   */
  public record Cuts(int count, int maxBytes, long seed) {
    static final Cuts NONE = new Cuts(0, 1, 0);
  }

  private ConnectionCountingProxy(ServerSocket listener, InetSocketAddress target, Cuts cuts) {
    this.listener = listener;
    this.target = target;
    this.cuts = cuts;
    this.random = new Random(cuts.seed());
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
    return cuttingConnections(host, port, Cuts.NONE);
  }

  /** Forwards as {@link #forwardingTo} does, and cuts connections as {@code cuts} says. */
  public static ConnectionCountingProxy cuttingConnections(String host, int port, Cuts cuts) {
    return start(0, host, port, cuts);
  }

  /** Forwards as {@link #forwardingTo} does, from a port of 127.0.0.1 the caller chose. */
  static ConnectionCountingProxy listeningOn(int listenPort, String host, int port) {
    return start(listenPort, host, port, Cuts.NONE);
  }

  private static ConnectionCountingProxy start(int listenPort, String host, int port, Cuts cuts) {
    try {
      ServerSocket listener = new ServerSocket(listenPort, 100, InetAddress.getByName("127.0.0.1"));
      ConnectionCountingProxy proxy =
          new ConnectionCountingProxy(listener, new InetSocketAddress(host, port), cuts);
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

  /**
   * Connections open now (from the moment the server accepted them until the client's side ended).
   */
  public int openConnections() {
    return open.get();
  }

  /**
   * The most connections that clients held open at the same time since start or {@link
   * #resetPeak()}, read when each connection came in.
   */
  public int peakConnections() {
    return peak.get();
  }

  /** All connections forwarded so far. */
  public int totalConnections() {
    return total.get();
  }

  /** Connections this proxy cut (reset) before either side closed them. */
  public int cutConnections() {
    return cut.get();
  }

  /** Starts a new measurement of the peak from the connections open now. */
  public void resetPeak() {
    peak.set(heldOpenByClients());
  }

  /**
   * Waits until at most {@code count} connections are open, as a client's close reaches the proxy a
   * moment after the client returned.
   *
   * @return the number open when the wait ended
   */
  public int awaitOpenConnectionsAtMost(int count, Duration timeout) {
    return Eventually.lastWithin(timeout, open::get, now -> now <= count);
  }

  /**
   * Connections of this proxy's clients that they hold open now; where the kernel's tables cannot
   * be read, the proxy's own count, which may include a connection whose close it has not read yet.
   */
  private int heldOpenByClients() {
    if (!ClientSockets.readable()) {
      return open.get();
    }
    Set<Integer> held = ClientSockets.portsHeldOpenTo(port());
    held.retainAll(clientPorts);
    return held.size();
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
    open.incrementAndGet();
    clientPorts.add(client.getPort());
    // at least this one was held open when it came in, though its client may have closed it since
    peak.accumulateAndGet(Math.max(heldOpenByClients(), 1), Math::max);
    // after the peak: whoever sees this connection counted sees the peak with it
    total.incrementAndGet();
    AtomicLong budget = new AtomicLong(nextBudget());
    boolean abortive = nextCutIsAbortive();
    AtomicInteger directionsLeft = new AtomicInteger(2);
    Runnable directionDone =
        () -> {
          if (directionsLeft.decrementAndGet() == 0) {
            closeQuietly(client);
            closeQuietly(server);
          }
        };
    threads.execute(() -> pump(server, client, budget, abortive, directionDone));
    try {
      pump(client, server, budget, abortive, directionDone);
    } finally {
      // open as the client sees it: until its side has ended (it closed, or the connection was
      // cut), not until the server's close has travelled through too, which may come a moment
      // after the client already opened its next connection in the slot it gave back
      open.decrementAndGet();
      clientPorts.remove(client.getPort());
    }
  }

  /** How many bytes the next connection may carry before it is cut. */
  private long nextBudget() {
    if (cut.get() >= cuts.count()) {
      return Long.MAX_VALUE;
    }
    synchronized (random) {
      return (long) Math.exp(random.nextDouble() * Math.log(Math.max(cuts.maxBytes(), 1))) + 1;
    }
  }

  private boolean nextCutIsAbortive() {
    synchronized (random) {
      return random.nextBoolean();
    }
  }

  /**
   * Copies one direction; at its end, half-closes the other side so the peer sees EOF too. When the
   * connection's byte budget (shared by both directions) runs out, it forwards what is left of it
   * and cuts both sides: a reset when {@code abortive}, else a close.
   */
  private void pump(Socket from, Socket to, AtomicLong budget, boolean abortive, Runnable done) {
    try {
      // the streams are not closed here: closing one closes the socket, and the other direction
      // may still be carrying data; the socket is closed once both directions are done
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[16 * 1024];
      for (int read; (read = in.read(buffer)) != -1; ) {
        long left = budget.getAndAdd(-read);
        if (left < read) {
          if (left >= 0) {
            // this direction used up the budget first: the cut happens here, once
            out.write(buffer, 0, (int) left);
            out.flush();
            cut.incrementAndGet();
          }
          cut(from, to, abortive);
          return;
        }
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

  /**
   * Both sides see a reset (RST), as when a router drops the connection, or the end of the stream
   * (FIN) in the middle of a response, as when the server process dies.
   */
  private void cut(Socket from, Socket to, boolean abortive) {
    for (Socket socket : new Socket[] {from, to}) {
      if (abortive) {
        try {
          socket.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
          // closing it below is all that is left to do
        }
      }
      closeQuietly(socket);
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
