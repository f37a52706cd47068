package org.syncpost;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncpost.access.entity.Role;

/**
 * The capabilities of {@code ejb} depend on each other in one direction only (ADR 0013). From the
 * bottom up:
 *
 * <ol>
 *   <li>{@code access} (roles), then the technical ones every capability may use: {@code
 *       validation}, {@code paging}, {@code time}, {@code json}, {@code database};
 *   <li>{@code audit} (who changed what; every capability records into it), {@code crypto}
 *       (credential encryption, audited), {@code monitoring} (metrics and health);
 *   <li>{@code mailserver}: Jakarta Mail sessions, endpoints, protocols, trust and failures,
 *       knowing nothing of the business;
 *   <li>{@code settings} (the organisation's policy, read by nearly everybody; it names the default
 *       profile by id), {@code directory} (users, queues), {@code job}, {@code profile}, {@code
 *       mailbox} (builds a mailbox's endpoints from its profile and the settings);
 *   <li>{@code alert}, {@code email}, {@code outgoing}, {@code incoming}.
 * </ol>
 *
 * A lower capability that must tell a higher one something fires a CDI event (e.g. {@code
 * UserCreated}, observed by the mailboxes in the same transaction).
 */
class CapabilitiesTest {

  /** Lowest first. */
  static final List<String> ORDER =
      List.of(
          "access",
          "validation",
          "paging",
          "time",
          "json",
          "database",
          "lease",
          "idempotency",
          "event",
          "audit",
          "crypto",
          "monitoring",
          "mailserver",
          "settings",
          "directory",
          "job",
          "profile",
          "mailbox",
          "alert",
          "email",
          "outgoing",
          "incoming",
          "webhook");

  /** What {@code mailserver} may use besides itself: no business capability. */
  static final List<String> TECHNICAL = List.of("crypto", "monitoring", "validation", "time");

  /** The module's own classes (target/classes), not the whole class path: fast. */
  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importLocations(
              List.of(Location.of(Role.class.getProtectionDomain().getCodeSource().getLocation())));

  /**
   * What the JPA provider calls and CDI injects, so an entity names it in an annotation
   * ({@code @Convert}, {@code @EntityListeners}) although it lives in {@code control}.
   */
  private static final DescribedPredicate<JavaClass> JPA_HOOKS =
      DescribedPredicate.describe(
          "JPA attribute converters and entity listeners",
          type ->
              type.isAssignableTo(AttributeConverter.class)
                  || type.getMethods().stream()
                      .anyMatch(
                          m ->
                              m.isAnnotatedWith(PrePersist.class)
                                  || m.isAnnotatedWith(PreUpdate.class)));

  @Test
  void capabilitiesDependOnEachOtherWithoutCycles() {
    slices().matching("org.syncpost.(*)..").should().beFreeOfCycles().check(PRODUCT);
  }

  @Test
  void everyCapabilityIsPlacedInTheOrder() {
    classes()
        .that()
        .resideInAPackage("org.syncpost..")
        .should()
        .resideInAnyPackage(
            ORDER.stream().map(c -> "org.syncpost." + c + "..").toArray(String[]::new))
        .because("a new capability takes its place in the order (ADR 0013)")
        .check(PRODUCT);
  }

  @Test
  void capabilitiesDependOnlyOnLowerOnes() {
    for (int i = 0; i < ORDER.size() - 1; i++) {
      ArchRule rule =
          noClasses()
              .that()
              .resideInAPackage("org.syncpost." + ORDER.get(i) + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(packagesOf(ORDER.subList(i + 1, ORDER.size())))
              .because("lower capabilities know nothing of higher ones (ADR 0013)");
      rule.check(PRODUCT);
    }
  }

  @Test
  void entitiesDependOnNoControlOrBoundary() {
    noClasses()
        .that()
        .resideInAPackage("org.syncpost.*.entity..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.<JavaClass>describe(
                    "reside in a control or boundary package",
                    type ->
                        type.getPackageName()
                            .matches("org\\.syncpost\\.\\w+\\.(control|boundary)(\\..*)?"))
                .and(DescribedPredicate.not(JPA_HOOKS)))
        .check(PRODUCT);
  }

  @Test
  void mailserverDependsOnNoBusinessCapability() {
    classes()
        .that()
        .resideInAPackage("org.syncpost.mailserver..")
        .should()
        .onlyDependOnClassesThat(
            DescribedPredicate.<JavaClass>describe(
                "are outside org.syncpost, or in mailserver or a technical capability " + TECHNICAL,
                type ->
                    !inCapability(type, null)
                        || inCapability(type, "mailserver")
                        || TECHNICAL.stream().anyMatch(c -> inCapability(type, c))))
        .check(PRODUCT);
  }

  /** Whether {@code type} is in {@code capability}, or in any capability when that is null. */
  private static boolean inCapability(JavaClass type, String capability) {
    String prefix = "org.syncpost." + (capability == null ? "" : capability + ".");
    return (type.getPackageName() + ".").startsWith(prefix);
  }

  private static String[] packagesOf(List<String> capabilities) {
    return capabilities.stream().map(c -> "org.syncpost." + c + "..").toArray(String[]::new);
  }
}
