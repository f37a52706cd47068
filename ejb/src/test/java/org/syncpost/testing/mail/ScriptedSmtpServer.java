package org.syncpost.testing.mail;

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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A plain SMTP server on a real socket on 127.0.0.1 that answers as scripted: accepts any sign-in,
 * answers each recipient (RCPT) and the end of each message (DATA) with the reply its script names,
 * or never answers the first message. Remembers the Message-ID of every message it was given.
 * Stopped by {@link #close()}.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

  private static final String ACCEPTED_RECIPIENT = "250 2.1.5 Ok";
  private static final String QUEUED = "250 2.0.0 Ok: queued";

  private final ServerSocket socket;
  private final Function<String, String> recipientReply;
  private final List<String> dataReplies;
  private final boolean stallFirstMessage;
  private final AtomicInteger dataSeen = new AtomicInteger();
  private final List<String> offeredMessageIds = new CopyOnWriteArrayList<>();
  private final List<String> acceptedMessageIds = new CopyOnWriteArrayList<>();

  private ScriptedSmtpServer(
      Function<String, String> recipientReply, List<String> dataReplies, boolean stallFirstMessage)
      throws IOException {
    this.recipientReply = recipientReply;
    this.dataReplies = List.copyOf(dataReplies);
    this.stallFirstMessage = stallFirstMessage;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Answers the end of the first {@code times} messages with 451, then accepts. */
  public static ScriptedSmtpServer busyFor(int times) {
    return answeringMessages(
        java.util.Collections.nCopies(times, "451 4.3.0 Temporary local problem, try again later")
            .toArray(String[]::new));
  }

  /**
   * Answers the end of the first messages with {@code replies} in turn (e.g. {@code "554 5.7.1
   * Rejected"}), every later one with 250.
   */
  public static ScriptedSmtpServer answeringMessages(String... replies) {
    return start(address -> ACCEPTED_RECIPIENT, List.of(replies), false);
  }

  /** Refuses every recipient with {@code reply}. */
  public static ScriptedSmtpServer refusingRecipients(String reply) {
    return start(address -> reply, List.of(), false);
  }

  /**
   * Answers each recipient named in {@code replies} (by address, lower case) with its reply, every
   * other one with 250.
   */
  public static ScriptedSmtpServer answeringRecipients(Map<String, String> replies) {
    return start(
        address -> replies.getOrDefault(address.toLowerCase(Locale.ROOT), ACCEPTED_RECIPIENT),
        List.of(),
        false);
  }

  /**
   * Never answers the end of the first message (the client waits, as for a server that hangs), then
   * accepts every message.
   */
  public static ScriptedSmtpServer stallingOnFirstMessage() {
    return start(address -> ACCEPTED_RECIPIENT, List.of(), true);
  }

  private static ScriptedSmtpServer start(
      Function<String, String> recipientReply, List<String> dataReplies, boolean stall) {
    try {
      return new ScriptedSmtpServer(recipientReply, dataReplies, stall);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The Message-ID of each message offered (DATA), in order, accepted or not. */
  public List<String> offeredMessageIds() {
    return List.copyOf(offeredMessageIds);
  }

  public List<String> acceptedMessageIds() {
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
        String command = line.toUpperCase(Locale.ROOT);
        if (command.startsWith("EHLO")) {
          say(out, "250-scripted.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
        } else if (command.startsWith("AUTH")) {
          say(out, "235 2.7.0 Authentication successful");
        } else if (command.startsWith("RCPT")) {
          say(out, recipientReply.apply(addressOf(line)));
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
          String reply = seen <= dataReplies.size() ? dataReplies.get(seen - 1) : QUEUED;
          if (reply.startsWith("2")) {
            acceptedMessageIds.add(messageId);
          }
          say(out, reply);
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

  /** The address in {@code RCPT TO:<address>}. */
  private static String addressOf(String rcpt) {
    int open = rcpt.indexOf('<');
    int close = rcpt.indexOf('>', open + 1);
    return open < 0 || close < 0
        ? rcpt.substring(rcpt.indexOf(':') + 1).strip()
        : rcpt.substring(open + 1, close);
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
