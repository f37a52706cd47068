package org.syncpost.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A real socket on 127.0.0.1 that misbehaves the way broken mail servers do: accepts and never
 * answers, hangs up at once, or speaks SMTP and refuses to relay. Stopped by {@link #close()}.
 */
final class MisbehavingServer implements AutoCloseable {

  enum Behaviour {
    /** Accepts the connection and never says a word: the client's read times out. */
    SILENT,
    /** Accepts and closes the connection at once. */
    HANG_UP,
    /** A plain SMTP server that accepts any AUTH and answers RCPT with 554 relay denied. */
    SMTP_REFUSING_RELAY
  }

  private final ServerSocket socket;
  private final Behaviour behaviour;
  private final List<Socket> held = new ArrayList<>();
  private final Thread acceptor;

  private MisbehavingServer(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "misbehaving-" + behaviour);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static MisbehavingServer start(Behaviour behaviour) {
    try {
      return new MisbehavingServer(behaviour);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        switch (behaviour) {
          case SILENT -> held.add(client);
          case HANG_UP -> client.close();
          case SMTP_REFUSING_RELAY -> {
            Thread conversation = new Thread(() -> refuseRelay(client), "smtp-refusing-relay");
            conversation.setDaemon(true);
            conversation.start();
          }
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void refuseRelay(Socket client) {
    try (client;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream()) {
      say(out, "220 refusing.test ESMTP");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String command = line.toUpperCase();
        if (command.startsWith("EHLO")) {
          say(out, "250-refusing.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
        } else if (command.startsWith("AUTH")) {
          say(out, "235 2.7.0 Authentication successful");
        } else if (command.startsWith("MAIL")) {
          say(out, "250 2.1.0 Ok");
        } else if (command.startsWith("RCPT")) {
          say(out, "554 5.7.1 <" + line.replaceAll(".*<|>.*", "") + ">: Relay access denied");
        } else if (command.startsWith("QUIT")) {
          say(out, "221 2.0.0 Bye");
          return;
        } else {
          say(out, "250 2.0.0 Ok");
        }
      }
    } catch (IOException gone) {
      // the client hung up: nothing to do
    }
  }

  private static void say(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
      for (Socket client : held) {
        client.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
