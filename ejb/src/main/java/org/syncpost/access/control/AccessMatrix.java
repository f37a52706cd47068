package org.syncpost.access.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.syncpost.access.entity.Access;
import org.syncpost.access.entity.Role;

/**
 * The role matrix: for each facade operation ({@code Mailboxes.update}), what each role may do with
 * it — as data, in {@code access-matrix.txt} next to this class, so that it reads as a table and
 * the README can show it as it is.
 */
public final class AccessMatrix {

  static final String RESOURCE = "access-matrix.txt";
  private static final String ANYONE = "anyone";
  private static final List<Role> COLUMNS =
      List.of(Role.ADMINISTRATOR, Role.APPROVER, Role.MAILBOX_OWNER);

  private static final AccessMatrix THE_MATRIX = load();

  /** Rows by operation; an operation open to anyone before sign-in has no row but is listed. */
  private final Map<String, Map<Role, Access>> rows;

  private final Set<String> openToAnyone;

  private AccessMatrix(Map<String, Map<Role, Access>> rows, Set<String> openToAnyone) {
    this.rows = rows;
    this.openToAnyone = openToAnyone;
  }

  public static AccessMatrix get() {
    return THE_MATRIX;
  }

  /** Whether the operation is in the matrix at all (an operation without a row is refused). */
  public boolean knows(String operation) {
    return rows.containsKey(operation) || openToAnyone.contains(operation);
  }

  public boolean isOpenToAnyone(String operation) {
    return openToAnyone.contains(operation);
  }

  /**
   * What {@code role} may do with {@code operation}; {@link Access#NONE} when not in the matrix.
   */
  public Access access(String operation, Role role) {
    if (openToAnyone.contains(operation)) {
      return Access.ALL;
    }
    Map<Role, Access> row = rows.get(operation);
    return row == null ? Access.NONE : row.getOrDefault(role, Access.NONE);
  }

  /** Whether a caller holding {@code roles} may call {@code operation} at all. */
  public boolean allows(String operation, Set<Role> roles) {
    return openToAnyone.contains(operation)
        || roles.stream().anyMatch(role -> access(operation, role).allows());
  }

  /** Every operation the matrix names. */
  public Set<String> operations() {
    Set<String> all = new java.util.TreeSet<>(rows.keySet());
    all.addAll(openToAnyone);
    return all;
  }

  public Optional<Map<Role, Access>> row(String operation) {
    return Optional.ofNullable(rows.get(operation));
  }

  static AccessMatrix load() {
    try (InputStream in = AccessMatrix.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing next to " + AccessMatrix.class);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AccessMatrix parse(BufferedReader lines) throws IOException {
    Map<String, Map<Role, Access>> rows = new LinkedHashMap<>();
    Set<String> anyone = new java.util.TreeSet<>();
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String content = line.strip();
      if (content.isEmpty() || content.startsWith("#")) {
        continue;
      }
      String[] cells = content.split("\\s+");
      String operation = cells[0];
      if (rows.containsKey(operation) || anyone.contains(operation)) {
        throw new IllegalStateException(RESOURCE + " line " + number + ": " + operation + " twice");
      }
      if (cells.length == 2 && ANYONE.equals(cells[1])) {
        anyone.add(operation);
        continue;
      }
      if (cells.length != 1 + COLUMNS.size()) {
        throw new IllegalStateException(
            RESOURCE
                + " line "
                + number
                + ": expected an operation and "
                + COLUMNS.size()
                + " cells");
      }
      Map<Role, Access> row = new EnumMap<>(Role.class);
      for (int i = 0; i < COLUMNS.size(); i++) {
        row.put(COLUMNS.get(i), Access.ofCell(cells[i + 1]));
      }
      rows.put(operation, row);
    }
    return new AccessMatrix(Map.copyOf(rows), Set.copyOf(anyone));
  }
}
