package org.syncpost.email.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Decodes quoted-printable (RFC 2045 §6.7) in a loop. Angus Mail's decoder reads the next byte by
 * calling itself after each soft line break, so a message of a megabyte of {@code =CRLF} exhausts
 * the stack; here no input makes the call stack deeper.
 *
 * <p>Lenient as Angus is: an {@code =} not followed by two hex digits or a line break is kept as
 * written, and whitespace between a soft-break {@code =} and the line end is dropped.
 */
final class QuotedPrintableInput extends InputStream {

  /** Longer runs of blanks after an {@code =} are not a soft line break, only text. */
  private static final int MAX_BLANKS = 256;

  private final PushbackInputStream in;

  QuotedPrintableInput(InputStream encoded) {
    this.in = new PushbackInputStream(new BufferedInputStream(encoded, 65536), MAX_BLANKS + 2);
  }

  @Override
  public int read() throws IOException {
    while (true) {
      int c = in.read();
      if (c != '=') {
        return c;
      }
      int first = in.read();
      if (first == -1) {
        return '=';
      }
      if (isLineEnd(first)) {
        skipLineEnd(first);
        continue;
      }
      if (first == ' ' || first == '\t') {
        if (blanksBeforeLineEnd(first)) {
          continue;
        }
        return '=';
      }
      int second = in.read();
      int high = Character.digit(first, 16);
      int low = second == -1 ? -1 : Character.digit(second, 16);
      if (high >= 0 && low >= 0) {
        return (high << 4) | low;
      }
      if (second != -1) {
        in.unread(second);
      }
      in.unread(first);
      return '=';
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int n = 0;
    while (n < length) {
      int b = read();
      if (b == -1) {
        return n == 0 ? -1 : n;
      }
      buffer[offset + n++] = (byte) b;
      if (in.available() == 0) {
        break;
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private static boolean isLineEnd(int b) {
    return b == '\r' || b == '\n';
  }

  private void skipLineEnd(int first) throws IOException {
    if (first == '\r') {
      int next = in.read();
      if (next != '\n' && next != -1) {
        in.unread(next);
      }
    }
  }

  /** Reads blanks after an {@code =}; true (and consumed) when they end the line. */
  private boolean blanksBeforeLineEnd(int first) throws IOException {
    byte[] blanks = new byte[MAX_BLANKS + 1];
    int count = 0;
    int b = first;
    while ((b == ' ' || b == '\t') && count < MAX_BLANKS) {
      blanks[count++] = (byte) b;
      b = in.read();
    }
    if (b == -1) {
      return true;
    }
    if (isLineEnd(b)) {
      skipLineEnd(b);
      return true;
    }
    in.unread(b);
    in.unread(blanks, 0, count);
    return false;
  }
}
