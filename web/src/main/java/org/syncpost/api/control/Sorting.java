package org.syncpost.api.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.syncpost.validation.entity.InvalidInput;

/**
 * The {@code sort} of a list request: a field of the listed JSON, then optionally {@code ,asc} or
 * {@code ,desc} ({@code sort=email,desc}). The fields a list sorts by are the constants of its sort
 * enum, named as the JSON names them ({@code INCOMING_STATUS} is {@code incomingStatus}).
 */
public record Sorting<F extends Enum<F>>(F field, boolean descending) {

  /** The request's {@code sort}, or {@code byDefault} ascending when none is given. */
  public static <F extends Enum<F>> Sorting<F> of(String sort, F byDefault) {
    if (sort == null || sort.isBlank()) {
      return new Sorting<>(byDefault, false);
    }
    Class<F> fields = byDefault.getDeclaringClass();
    String[] parts = sort.split(",", -1);
    F field =
        Arrays.stream(fields.getEnumConstants())
            .filter(constant -> jsonName(constant).equals(parts[0].strip()))
            .findFirst()
            .orElseThrow(() -> refused(fields));
    if (parts.length == 1) {
      return new Sorting<>(field, false);
    }
    if (parts.length == 2) {
      switch (parts[1].strip().toLowerCase(Locale.ROOT)) {
        case "asc":
          return new Sorting<>(field, false);
        case "desc":
          return new Sorting<>(field, true);
        default:
          break;
      }
    }
    throw refused(fields);
  }

  private static InvalidInput refused(Class<? extends Enum<?>> fields) {
    return InvalidInput.of(
        "sort",
        "sorts by one of "
            + Arrays.stream(fields.getEnumConstants())
                .map(Sorting::jsonName)
                .collect(Collectors.joining(", "))
            + ", optionally followed by ,asc or ,desc (e.g. sort="
            + jsonName(fields.getEnumConstants()[0])
            + ",desc)");
  }

  /** {@code INCOMING_STATUS} → {@code incomingStatus}. */
  static String jsonName(Enum<?> constant) {
    String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }
}
