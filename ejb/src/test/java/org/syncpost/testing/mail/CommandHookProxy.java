package org.syncpost.testing.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A TCP proxy on 127.0.0.1 in front of a line-based mail server (IMAP, POP3, SMTP) that, the first
 * time a client sends a command line matching a predicate, runs a hook before passing that line on:
 * something happens on the server exactly between two commands of the client's — a message expunged
 * by another session while the client fetches a batch. Closing it closes every connection.
 */
public final class CommandHookProxy implements AutoCloseable {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final int upstreamPort;
  private final Predicate<String> trigger;
  private final Runnable hook;
  private final ServerSocket listener;
  private final AtomicBoolean fired = new AtomicBoolean();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private CommandHookProxy(int upstreamPort, Predicate<String> trigger, Runnable hook)
      throws IOException {
    this.upstreamPort = upstreamPort;
    this.trigger = trigger;
    this.hook = hook;
    this.listener = new ServerSocket(0, 50, LOOPBACK);
    daemon("command-hook-proxy", this::accept);
  }

  /**
   * A proxy to {@code upstreamPort} on loopback that runs {@code hook} once, before the first
   * client line {@code trigger} accepts (the line without its CRLF) reaches the server.
   */
  public static CommandHookProxy before(
      int upstreamPort, Predicate<String> trigger, Runnable hook) {
    try {
      return new CommandHookProxy(upstreamPort, trigger, hook);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Whether the hook has run. */
  public boolean fired() {
    return fired.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(LOOPBACK, upstreamPort);
        sockets.add(client);
        sockets.add(server);
        daemon("command-hook-proxy-down", () -> copy(server, client));
        daemon("command-hook-proxy-up", () -> forwardLines(client, server));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void copy(Socket from, Socket to) {
    try (from;
        to) {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException gone) {
      // one side hung up: the other is closed with it
    }
  }

  private void forwardLines(Socket from, Socket to) {
    try (from;
        to) {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b >= 0; b = in.read()) {
        line.write(b);
        if (b == '\n') {
          String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
          if (!fired.get() && trigger.test(text) && fired.compareAndSet(false, true)) {
            hook.run();
          }
          line.writeTo(out);
          out.flush();
          line.reset();
        }
      }
      line.writeTo(out);
    } catch (IOException gone) {
      // one side hung up: the other is closed with it
    }
  }

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (Socket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing what is already gone
        }
      }
    }
  }
}
