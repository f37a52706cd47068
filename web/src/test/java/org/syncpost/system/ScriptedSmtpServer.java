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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain SMTP server on a real socket on 127.0.0.1 that answers as scripted: accepts any sign-in,
 * then refuses the first messages with a transient reply, or refuses every recipient. Remembers the
 * Message-ID of every message it was given. Stopped by {@link #close()}.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final int transientRefusals;
  private final String recipientReply;
  private final boolean stallFirstMessage;
  private final AtomicInteger dataSeen = new AtomicInteger();
  private final List<String> offeredMessageIds = new CopyOnWriteArrayList<>();
  private final List<String> acceptedMessageIds = new CopyOnWriteArrayList<>();

  private ScriptedSmtpServer(
      int transientRefusals, String recipientReply, boolean stallFirstMessage) throws IOException {
    this.transientRefusals = transientRefusals;
    this.stallFirstMessage = stallFirstMessage;
    this.recipientReply = recipientReply;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Answers the end of the first {@code times} messages with 451, then accepts. */
  static ScriptedSmtpServer busyFor(int times) {
    return start(times, "250 2.1.5 Ok");
  }

  /** Refuses every recipient with {@code reply}. */
  static ScriptedSmtpServer refusingRecipients(String reply) {
    return start(0, reply);
  }

  /**
   * Never answers the end of the first message (the client waits, as for a server that hangs), then
   * accepts every message.
   */
  static ScriptedSmtpServer stallingOnFirstMessage() {
    try {
      return new ScriptedSmtpServer(0, "250 2.1.5 Ok", true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ScriptedSmtpServer start(int transientRefusals, String recipientReply) {
    try {
      return new ScriptedSmtpServer(transientRefusals, recipientReply, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return socket.getLocalPort();
  }

  /** The Message-ID of each message offered (DATA), in order, accepted or not. */
  List<String> offeredMessageIds() {
    return List.copyOf(offeredMessageIds);
  }

  List<String> acceptedMessageIds() {
    return List.copyOf(acceptedMessageIds);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread conversation = new Thread(() -> converse(client), "scripted-smtp-session");
        conversation.setDaemon(true);
        conversation.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket client) {
    try (client;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream()) {
      say(out, "220 scripted.test ESMTP");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String command = line.toUpperCase();
        if (command.startsWith("EHLO")) {
          say(out, "250-scripted.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
        } else if (command.startsWith("AUTH")) {
          say(out, "235 2.7.0 Authentication successful");
        } else if (command.startsWith("RCPT")) {
          say(out, recipientReply);
        } else if (command.startsWith("DATA")) {
          say(out, "354 End data with <CR><LF>.<CR><LF>");
          String messageId = readMessage(in);
          offeredMessageIds.add(messageId);
          int seen = dataSeen.incrementAndGet();
          if (stallFirstMessage && seen == 1) {
            // hold the connection until the client goes away
            while (in.readLine() != null) {
              // nothing: a stalled server says nothing
            }
            return;
          }
          if (seen <= transientRefusals) {
            say(out, "451 4.3.0 Temporary local problem, try again later");
          } else {
            acceptedMessageIds.add(messageId);
            say(out, "250 2.0.0 Ok: queued");
          }
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

  /** Reads up to the lone "." and returns the Message-ID header's value. */
  private static String readMessage(BufferedReader in) throws IOException {
    String messageId = null;
    for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
      if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
        messageId = line.substring(11).strip();
      }
    }
    return messageId;
  }

  private static void say(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
