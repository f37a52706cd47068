package org.syncpost.access.entity;

/** How far a role may use one operation (a cell of the role matrix). */
public enum Access {
  /** On everything of that kind. */
  ALL,
  /** Only on what is the caller's own; the operation itself refuses the rest. */
  OWN,
  /** Not at all. */
  NONE;

  public boolean allows() {
    return this != NONE;
  }

  /** Reads a cell of the matrix file: {@code all}, {@code own} or {@code -}. */
  public static Access ofCell(String cell) {
    return switch (cell) {
      case "all" -> ALL;
      case "own" -> OWN;
      case "-" -> NONE;
      default -> throw new IllegalArgumentException("not a role matrix cell: " + cell);
    };
  }
}
