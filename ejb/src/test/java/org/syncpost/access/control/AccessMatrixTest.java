package org.syncpost.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.syncpost.access.entity.Access;
import org.syncpost.access.entity.Role;

/**
 * The role matrix covers every facade operation, names none that does not exist, and agrees with
 * the container's own {@code @RolesAllowed} checks (which stay as a second line).
 */
class AccessMatrixTest {

  private final AccessMatrix matrix = AccessMatrix.get();

  private static List<Class<?>> facades() throws IOException, URISyntaxException {
    Path classes = Path.of(Role.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> facades = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes.resolve("org/syncpost"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
        if (name.contains("$") || !name.contains(".boundary.")) {
          continue;
        }
        try {
          Class<?> type = Class.forName(name, false, AccessMatrixTest.class.getClassLoader());
          if (GuardedFacades.isFacade(type)) {
            facades.add(type);
          }
        } catch (ClassNotFoundException | LinkageError notLoadable) {
          // a boundary class needing what the test class path lacks is not a facade here
        }
      }
    }
    return facades;
  }

  private static List<Method> operations(Class<?> facade) {
    return Arrays.stream(facade.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
        .toList();
  }

  private static String operation(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }

  @Test
  void everyFacadeOperationHasARow() throws Exception {
    List<String> missing = new ArrayList<>();
    for (Class<?> facade : facades()) {
      operations(facade).stream()
          .map(AccessMatrixTest::operation)
          .filter(op -> !matrix.knows(op))
          .forEach(missing::add);
    }

    assertThat(facades()).hasSizeGreaterThan(10);
    assertThat(missing).as("operations without a row in " + AccessMatrix.RESOURCE).isEmpty();
  }

  @Test
  void everyRowNamesAnExistingOperation() throws Exception {
    Set<String> existing = new TreeSet<>();
    for (Class<?> facade : facades()) {
      operations(facade).forEach(m -> existing.add(operation(m)));
    }

    assertThat(existing).containsAll(matrix.operations());
  }

  @Test
  void theMatrixAgreesWithTheContainersRoleChecks() throws Exception {
    List<String> disagreements = new ArrayList<>();
    for (Class<?> facade : facades()) {
      for (Method method : operations(facade)) {
        String operation = operation(method);
        boolean permitAll =
            method.isAnnotationPresent(PermitAll.class)
                || !method.isAnnotationPresent(RolesAllowed.class)
                    && facade.isAnnotationPresent(PermitAll.class);
        if (permitAll != matrix.isOpenToAnyone(operation)) {
          disagreements.add(operation + " open to anyone: annotation " + permitAll);
          continue;
        }
        if (permitAll) {
          continue;
        }
        RolesAllowed declared =
            method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : facade.getAnnotation(RolesAllowed.class);
        Set<Role> annotated = EnumSet.noneOf(Role.class);
        Arrays.stream(declared.value())
            .map(name -> Role.fromExternalName(name).orElseThrow())
            .forEach(annotated::add);
        Set<Role> inMatrix = EnumSet.noneOf(Role.class);
        Arrays.stream(Role.values())
            .filter(role -> matrix.access(operation, role).allows())
            .forEach(inMatrix::add);
        if (!annotated.equals(inMatrix)) {
          disagreements.add(operation + ": @RolesAllowed " + annotated + ", matrix " + inMatrix);
        }
      }
    }

    assertThat(disagreements).isEmpty();
  }

  @Test
  void approversMayApproveButNotReadOtherMailboxesEmailNorChangeOtherMailboxes() {
    assertThat(
            List.of(
                matrix.access("Mailboxes.approve", Role.APPROVER),
                matrix.access("Emails.find", Role.APPROVER),
                matrix.access("Mailboxes.update", Role.APPROVER),
                matrix.access("Profiles.update", Role.APPROVER)))
        .containsExactly(Access.ALL, Access.OWN, Access.OWN, Access.NONE);
  }

  @Test
  void anOperationTheMatrixDoesNotNameIsRefusedToEveryRole() {
    assertThat(matrix.allows("Mailboxes.somethingNew", EnumSet.allOf(Role.class))).isFalse();
  }
}
