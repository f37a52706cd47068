package org.syncpost.operations;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The EAR on WildFly 39, set up by {@code server-config/wildfly/setup.sh} in a fresh copy of the
 * distribution (the script installs the EclipseLink module into it).
 */
class WildFlyIT extends DeployedEarContract {

  private Path wildflyHome;
  private int offset;

  @Override
  void setUp(Map<String, String> environment) throws Exception {
    wildflyHome = workDirectory.resolve("wildfly");
    runScript(
        Map.of(), "cp", "-a", System.getProperty("syncpost.wildflyHome"), wildflyHome.toString());
    offset = freePortBase(8080, 8443, 9990, 9993);
    Map<String, String> all = new HashMap<>(environment);
    all.put("SYNCPOST_PORT_OFFSET", String.valueOf(offset));
    runScript(
        all,
        root().resolve("server-config/wildfly/setup.sh").toString(),
        wildflyHome.toString(),
        System.getProperty("syncpost.ear"));
  }

  @Override
  void tearDown() throws Exception {
    if (wildflyHome == null) {
      return;
    }
    new ProcessBuilder(
            wildflyHome.resolve("bin/jboss-cli.sh").toString(),
            "--connect",
            "--controller=127.0.0.1:" + (9990 + offset),
            ":shutdown")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor(2, TimeUnit.MINUTES);
  }

  @Override
  URI healthUri() {
    return URI.create("http://127.0.0.1:" + (9990 + offset) + "/health/ready");
  }

  @Override
  URI apiBase() {
    return URI.create("https://localhost:" + (8443 + offset) + "/api/v1/");
  }

  @Override
  Optional<URI> metricsUri() {
    return Optional.empty();
  }

  @Override
  boolean servesApplicationHealthChecks() {
    return false;
  }
}
