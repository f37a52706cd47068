package org.syncpost.api.entity;

/**
 * A request body that cannot be read as what the operation takes (not JSON, not one object, too
 * large, too deep, not UTF-8). Nothing was stored; the caller must change the request.
 */
public class MalformedBody extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why, as a kebab-case problem type; {@link #TOO_LARGE} is a 413, every other kind a 400. */
  private final String kind;

  public static final String TOO_LARGE = "body-too-large";

  public MalformedBody(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  public String kind() {
    return kind;
  }

  public boolean isTooLarge() {
    return TOO_LARGE.equals(kind);
  }
}
