package org.syncpost.operations;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The EAR on Payara Server 6, set up by {@code server-config/payara-server/setup.sh}. */
class PayaraServerIT extends DeployedEarContract {

  private final Path payaraHome = Path.of(System.getProperty("syncpost.payaraHome"));
  private int portBase;

  @Override
  void setUp(Map<String, String> environment) throws Exception {
    // ports 20,009 to 29,986; WildFly's start at 30,080
    portBase = freePortBase(20_000, 9, 37, 38, 39, 48, 49, 59, 76, 80, 81, 86);
    Map<String, String> all = new HashMap<>(environment);
    all.put("SYNCPOST_DOMAIN_DIR", workDirectory.resolve("domains").toString());
    all.put("SYNCPOST_PORT_BASE", String.valueOf(portBase));
    runScript(
        all,
        root().resolve("server-config/payara-server/setup.sh").toString(),
        payaraHome.toString(),
        System.getProperty("syncpost.ear"));
  }

  @Override
  void tearDown() throws Exception {
    new ProcessBuilder(
            payaraHome.resolve("bin/asadmin").toString(),
            "stop-domain",
            "--domaindir",
            workDirectory.resolve("domains").toString(),
            "syncpost")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor(2, TimeUnit.MINUTES);
  }

  @Override
  URI healthUri() {
    return URI.create("http://127.0.0.1:" + (portBase + 80) + "/health");
  }

  @Override
  URI apiBase() {
    return URI.create("https://localhost:" + (portBase + 81) + "/api/v1/");
  }

  @Override
  URI metricsUri() {
    return URI.create("http://127.0.0.1:" + (portBase + 80) + "/metrics");
  }
}
