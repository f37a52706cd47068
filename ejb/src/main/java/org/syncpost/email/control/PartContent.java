package org.syncpost.email.control;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Up to {@code limit} bytes of a part's decoded content, and its full size; with {@code spool},
 * content beyond {@value MessageParser#SPOOL_ABOVE} bytes goes to a temporary file ({@code
 * spooled}) instead of memory.
 */
record PartContent(byte[] bytes, long size, boolean complete, Path spooled) {

  static PartContent read(Part part, long limit, boolean spool) throws MessagingException {
    Path file = null;
    OutputStream spooledOut = null;
    try (InputStream in = decodedStream(part)) {
      ByteArrayOutputStream kept = new ByteArrayOutputStream();
      byte[] buffer = new byte[65536];
      long size = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (size + n > limit) {
          // over the limit: counted, not kept
          kept.reset();
          if (spooledOut != null) {
            spooledOut.close();
            spooledOut = null;
            Files.deleteIfExists(file);
            file = null;
          }
        } else if (spooledOut != null) {
          spooledOut.write(buffer, 0, n);
        } else if (spool && size + n > MessageParser.SPOOL_ABOVE) {
          file = Files.createTempFile("syncpost-attachment-", ".part");
          spooledOut = new BufferedOutputStream(Files.newOutputStream(file), 65536);
          kept.writeTo(spooledOut);
          kept = new ByteArrayOutputStream();
          spooledOut.write(buffer, 0, n);
        } else {
          kept.write(buffer, 0, n);
        }
        size += n;
      }
      if (spooledOut != null) {
        spooledOut.close();
        return new PartContent(null, size, true, file);
      }
      boolean complete = size <= limit;
      return new PartContent(complete ? kept.toByteArray() : null, size, complete, null);
    } catch (IOException unreadable) {
      closeAndDelete(spooledOut, file);
      return new PartContent(new byte[0], 0, true, null);
    }
  }

  private static void closeAndDelete(OutputStream out, Path file) {
    try {
      if (out != null) {
        out.close();
      }
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException ignored) {
      // a temporary file; the operating system cleans its temporary directory too
    }
  }

  private static InputStream decodedStream(Part part) throws MessagingException, IOException {
    InputStream quotedPrintable = quotedPrintable(part);
    if (quotedPrintable != null) {
      return quotedPrintable;
    }
    try {
      return part.getInputStream();
    } catch (MessagingException | IOException | RuntimeException undecodable) {
      // an unknown transfer encoding: the bytes as they are beat nothing
      if (part instanceof MimeBodyPart body) {
        return body.getRawInputStream();
      }
      if (part instanceof MimeMessage message) {
        return message.getRawInputStream();
      }
      throw undecodable;
    }
  }

  /** Quoted-printable content through a decoder that input cannot drive into deep recursion. */
  private static InputStream quotedPrintable(Part part) {
    try {
      if (part instanceof MimePart mime
          && mime.getEncoding() != null
          && "quoted-printable".equalsIgnoreCase(mime.getEncoding().strip())) {
        if (part instanceof MimeBodyPart body) {
          return new QuotedPrintableInput(body.getRawInputStream());
        }
        if (part instanceof MimeMessage message) {
          return new QuotedPrintableInput(message.getRawInputStream());
        }
      }
      return null;
    } catch (MessagingException | RuntimeException unreadable) {
      return null;
    }
  }
}
