package org.syncpost.testing.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/**
 * TNEF streams ({@code winmail.dat}) as Outlook attaches them, built attribute by attribute after
 * MS-OXTNEF §2.1.3: signature, key, then level / id / type / length / data / checksum.
 */
public final class TnefStreams {

  private TnefStreams() {}

  /** A TNEF stream carrying one attachment named {@code name} with {@code content}. */
  public static byte[] withAttachment(String name, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int32(out, 0x223E9F78);
    int16(out, 0x0001);
    // attAttachRendData (0x9002, bytes) starts an attachment; then its title and its data
    attribute(out, 0x9002, 0x0006, new byte[14]);
    attribute(out, 0x8010, 0x0001, (name + "\0").getBytes(Charset.forName("windows-1252")));
    attribute(out, 0x800F, 0x0006, content);
    return out.toByteArray();
  }

  private static void attribute(ByteArrayOutputStream out, int id, int type, byte[] data) {
    out.write(0x02); // attachment level
    int16(out, id);
    int16(out, type);
    int32(out, data.length);
    out.writeBytes(data);
    int checksum = 0;
    for (byte b : data) {
      checksum = (checksum + (b & 0xff)) & 0xffff;
    }
    int16(out, checksum);
  }

  private static void int16(ByteArrayOutputStream out, int value) {
    out.write(value & 0xff);
    out.write((value >>> 8) & 0xff);
  }

  private static void int32(ByteArrayOutputStream out, int value) {
    int16(out, value & 0xffff);
    int16(out, value >>> 16);
  }
}
