package org.syncpost;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.syncpost.access.entity.Role;
import org.syncpost.api.boundary.rest.ApiApplication;

/**
 * The adapters of {@code web} (org.syncpost.&lt;capability&gt;.boundary.{rest,soap,ui,http}) keep
 * the order of the capabilities of {@code ejb} (ADR 0013; {@code CapabilitiesTest} there): an
 * adapter of a capability uses its own capability and lower ones, in web and in ejb alike.
 *
 * <p>{@code api} is web's own: the plumbing every REST and SOAP adapter uses (JSON in and out,
 * paging, problem and fault mapping, the API's security). It writes audit stamps and applies the
 * settings' credentials policy, so it sits right above {@code settings}. {@code dashboard} is web's
 * too: the start page, which shows mailboxes, alerts and email together, so it sits on top.
 */
class WebCapabilitiesTest {

  /** Lowest first: ejb's order with web's {@code api} and {@code dashboard}. */
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
          "api",
          "directory",
          "job",
          "profile",
          "mailbox",
          "alert",
          "email",
          "outgoing",
          "incoming",
          "webhook",
          "dashboard");

  /**
   * Upward dependencies that remain, by origin class and the capability it reaches up to, each with
   * why; ADR 0013 lists them as debt. A new one fails the test; a fixed one must leave the list
   * (see {@link #theKnownExceptionsAreStillNeeded}).
   */
  static final Map<String, String> KNOWN_EXCEPTIONS =
      Map.of(
          "AuditResource -> api",
          "the audit trail's REST resource uses the API plumbing, which sits above audit because"
              + " it writes every entity's audit stamps (JsonOutput.tracked)",
          "SettingsResource -> api",
          "the settings' REST resource uses the API plumbing, which sits above settings because"
              + " it applies their credentials-over-HTTP policy (CredentialsChannel)",
          "EmailsResource -> outgoing",
          "the email API (REST /emails) also queues outgoing email through Outbox",
          "EmailsEndpoint -> outgoing",
          "the email API (SOAP EmailService) also queues outgoing email through Outbox; moving"
              + " the operation would change the published WSDL",
          "ProfilesResource -> mailbox",
          "test & enable of a profile's mailboxes is offered on the profile (REST), as the guide"
              + " has it; the work is MailboxTests'",
          "ProfilePage -> mailbox",
          "test & enable of a profile's mailboxes, and \"test connection\" of the form, are"
              + " offered on the profile page, as the guide has it; the work is MailboxTests'");

  /** web's classes and ejb's (a directory in the reactor, else its jar), not the class path. */
  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importLocations(List.of(locationOf(ApiApplication.class), locationOf(Role.class)));

  private static final JavaClasses WEB =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importLocations(List.of(locationOf(ApiApplication.class)));

  /** One provider, looked up once ({@code JsonProviders}), in web and in ejb alike. */
  @Test
  void noClassLooksTheJsonProviderUpOnEveryCall() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.json.Json")
        .check(PRODUCT);
  }

  @Test
  void webCapabilitiesDependOnEachOtherWithoutCycles() {
    slices().matching("org.syncpost.(*)..").should().beFreeOfCycles().check(WEB);
  }

  @Test
  void adaptersUseOnlyTheirOwnAndLowerCapabilities() {
    classes()
        .that()
        .resideInAPackage("org.syncpost..")
        .and(DescribedPredicate.describe("are in web", type -> WEB.contain(type.getName())))
        .should(dependOnlyDownwards())
        .check(PRODUCT);
  }

  @Test
  void theKnownExceptionsAreStillNeeded() {
    Set<String> used =
        PRODUCT.stream()
            .filter(type -> WEB.contain(type.getName()))
            .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
            .filter(WebCapabilitiesTest::upward)
            .map(WebCapabilitiesTest::exceptionKey)
            .collect(Collectors.toSet());
    assertThat(used).containsAll(KNOWN_EXCEPTIONS.keySet());
  }

  private static ArchCondition<JavaClass> dependOnlyDownwards() {
    return new ArchCondition<>("depend only on their own and lower capabilities (ADR 0013)") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
          if (upward(dependency) && !KNOWN_EXCEPTIONS.containsKey(exceptionKey(dependency))) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static boolean upward(Dependency dependency) {
    int from = rank(dependency.getOriginClass());
    int to = rank(dependency.getTargetClass());
    return from >= 0 && to > from;
  }

  private static String exceptionKey(Dependency dependency) {
    return dependency.getOriginClass().getSimpleName()
        + " -> "
        + capabilityOf(dependency.getTargetClass());
  }

  /** The place of the type's capability in {@link #ORDER}; -1 outside org.syncpost. */
  private static int rank(JavaClass type) {
    String capability = capabilityOf(type);
    if (capability == null) {
      return -1;
    }
    int rank = ORDER.indexOf(capability);
    if (rank < 0) {
      throw new AssertionError(type.getName() + " is in no capability of the order (ADR 0013)");
    }
    return rank;
  }

  private static Location locationOf(Class<?> type) {
    try {
      Path path = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isDirectory(path) ? Location.of(path) : Location.of(new JarFile(path.toFile()));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot find the classes of " + type, e);
    }
  }

  private static String capabilityOf(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith("org.syncpost.")) {
      return null;
    }
    String rest = name.substring("org.syncpost.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
