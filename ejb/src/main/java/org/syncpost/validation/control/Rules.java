package org.syncpost.validation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.Violation;

/**
 * Checks Bean Validation constraints plus any rule violations a facade found itself, and refuses
 * the whole request at once, so the caller sees every problem in one answer.
 */
@ApplicationScoped
public class Rules {

  @Inject Validator validator;

  public <T> void enforce(T candidate, List<Violation> alsoFound) {
    List<Violation> all = new ArrayList<>(alsoFound);
    for (ConstraintViolation<T> violation : validator.validate(candidate)) {
      all.add(new Violation(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    if (!all.isEmpty()) {
      all.sort(Comparator.comparing(Violation::field));
      throw new InvalidInput(all);
    }
  }

  public <T> void enforce(T candidate) {
    enforce(candidate, List.of());
  }
}
