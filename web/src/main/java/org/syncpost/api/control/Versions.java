package org.syncpost.api.control;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.syncpost.audit.entity.Tracked;

/**
 * Optimistic concurrency over HTTP (RFC 9110 sections 8.8.3 and 13.1.1): a record's {@code ETag} is
 * its version ({@link Tracked#getVersion}: for a mailbox, of what people set); {@code If-Match}
 * with that tag makes a change conditional on nobody having changed the record meanwhile.
 */
public final class Versions {

  /** What an {@code If-Match} that names no version of ours stands for: it matches nothing. */
  private static final long NO_VERSION = -1;

  private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

  private Versions() {}

  public static EntityTag tagOf(Tracked record) {
    return new EntityTag(String.valueOf(record.getVersion()));
  }

  /** A 200 with the record's representation and its {@code ETag}. */
  public static Response withTag(Tracked record, Object representation) {
    return Response.ok(representation).tag(tagOf(record)).build();
  }

  /**
   * The version an {@code If-Match} header expects; {@code null} without the header or for {@code
   * *} (any version).
   */
  public static Long expected(String ifMatch) {
    if (ifMatch == null || ifMatch.strip().equals("*")) {
      return null;
    }
    Matcher tag = TAG.matcher(ifMatch);
    return tag.matches() ? Long.parseLong(tag.group(1)) : NO_VERSION;
  }
}
