package org.syncpost.api.boundary.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract (ADR 0022) is a valid OpenAPI 3.1 document by an independent parser, and it names
 * exactly the operations the JAX-RS resources serve: a new resource method without its operation,
 * or an operation nobody serves, fails the build.
 */
class ApiContractTest {

  private static final String PREFIX = "/api/v1";

  @Test
  void theContractIsAValidOpenApi31DocumentWithoutAnyMessage() {
    SwaggerParseResult parsed = parse();

    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(parsed.getOpenAPI().getComponents().getSchemas()).containsKeys("Problem", "Email");
  }

  @Test
  void everyOperationHasItsOwnOperationId() {
    List<String> ids = new ArrayList<>();
    operations(parse().getOpenAPI()).forEach(operation -> ids.add(operation.getOperationId()));

    assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
  }

  @Test
  void theContractNamesExactlyTheOperationsTheResourcesServe() throws Exception {
    Set<String> documented = new TreeSet<>();
    parse()
        .getOpenAPI()
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(method -> documented.add(method + " " + anyVariable(path))));

    assertThat(documented).isEqualTo(served());
  }

  @Test
  void theJsonFormIsTheSameDocumentAsTheYaml() {
    OpenAPI fromJson =
        new OpenAPIV3Parser()
            .readContents(ApiContract.json().toString(), null, options())
            .getOpenAPI();

    assertThat(fromJson).isEqualTo(parse().getOpenAPI());
  }

  private static SwaggerParseResult parse() {
    return new OpenAPIV3Parser().readContents(ApiContract.yaml(), null, options());
  }

  private static ParseOptions options() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return options;
  }

  private static Stream<Operation> operations(OpenAPI api) {
    return api.getPaths().values().stream().flatMap(item -> item.readOperations().stream());
  }

  /** Every resource method of the web module, as "METHOD /path" with its variables as {}. */
  private static Set<String> served() throws Exception {
    java.nio.file.Path classes =
        java.nio.file.Path.of(
            ApiContract.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> served = new TreeSet<>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("org/syncpost"))) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
        Class<?> type = Class.forName(name, false, ApiContractTest.class.getClassLoader());
        Path root = type.getAnnotation(Path.class);
        if (root == null) {
          continue;
        }
        for (Method method : type.getMethods()) {
          String verb = httpMethodOf(method);
          if (verb != null) {
            Path sub = method.getAnnotation(Path.class);
            String path = PREFIX + "/" + root.value() + (sub == null ? "" : "/" + sub.value());
            String normalised = path.replaceAll("/+", "/").replaceAll("/$", "");
            served.add(
                verb.toUpperCase(Locale.ROOT)
                    + " "
                    + anyVariable(normalised.substring(PREFIX.length())));
          }
        }
      }
    }
    return served;
  }

  private static String httpMethodOf(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  private static String anyVariable(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }
}
