package org.syncpost.validation.entity;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks the rules; nothing has been stored. Carries one violation per field. */
@ApplicationException(rollback = true)
public class InvalidInput extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final List<Violation> violations;

  public InvalidInput(List<Violation> violations) {
    super(
        violations.stream()
            .map(v -> v.field() + ": " + v.message())
            .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public static InvalidInput of(String field, String message) {
    return new InvalidInput(List.of(new Violation(field, message)));
  }

  public List<Violation> violations() {
    return violations;
  }
}
