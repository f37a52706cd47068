package org.syncpost.testing.mail;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a fixture has started so far, stopped newest first. Used so that a start that fails half
 * way, or a close where one server refuses to stop, still stops everything else.
 */
final class StartedServers implements AutoCloseable {

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  <T extends AutoCloseable> T add(T server) {
    started.push(server);
    return server;
  }

  /** Stops everything and rethrows {@code cause} with any failure to stop attached to it. */
  RuntimeException closeAfter(RuntimeException cause) {
    try {
      close();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
    return cause;
  }

  /** Stops every server, newest first, even when some fail; then reports the first failure. */
  @Override
  public void close() {
    RuntimeException failure = null;
    while (!started.isEmpty()) {
      AutoCloseable server = started.pop();
      try {
        server.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("could not stop " + server, e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
