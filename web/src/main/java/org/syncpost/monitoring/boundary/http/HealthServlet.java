package org.syncpost.monitoring.boundary.http;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.syncpost.monitoring.control.ApplicationHealth;
import org.syncpost.monitoring.control.ApplicationHealth.Probe;

/**
 * SyncPost's own health checks in the MicroProfile Health JSON format, on every server: {@code
 * /monitoring/health} (all), {@code /ready} (database, credential key), {@code /live} (schedulers);
 * 200 when every check is UP, else 503. WildFly does not find the checks in an EAR's modules
 * (WFLY-12835): there this is where a load balancer or orchestrator asks (ADR 0010).
 */
@WebServlet(urlPatterns = {HealthServlet.PATH, HealthServlet.PATH + "/*"})
public class HealthServlet extends HttpServlet {

  static final String PATH = "/monitoring/health";

  private static final Map<String, Probe> PROBES =
      Map.of("", Probe.ALL, "/ready", Probe.READINESS, "/live", Probe.LIVENESS);

  @Inject ApplicationHealth health;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String which = request.getPathInfo() == null ? "" : request.getPathInfo();
    Probe probe = PROBES.get(which);
    if (probe == null) {
      response.sendError(
          HttpServletResponse.SC_NOT_FOUND,
          "No such health probe: use " + PATH + ", " + PATH + "/ready or " + PATH + "/live");
      return;
    }
    List<HealthCheckResponse> checks = health.check(probe);
    boolean up = checks.stream().allMatch(c -> c.getStatus() == HealthCheckResponse.Status.UP);
    JsonArrayBuilder rendered = JSON.createArrayBuilder();
    checks.forEach(check -> rendered.add(json(check)));
    response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("application/json; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response
        .getWriter()
        .write(
            JSON.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("checks", rendered)
                .build()
                .toString());
  }

  private static JsonObjectBuilder json(HealthCheckResponse check) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("name", check.getName())
            .add("status", check.getStatus().name());
    check
        .getData()
        .filter(data -> !data.isEmpty())
        .ifPresent(
            data -> {
              JsonObjectBuilder values = JSON.createObjectBuilder();
              data.forEach(
                  (key, value) -> {
                    if (value instanceof Number number) {
                      values.add(key, number.longValue());
                    } else if (value instanceof Boolean flag) {
                      values.add(key, flag);
                    } else {
                      values.add(key, String.valueOf(value));
                    }
                  });
              json.add("data", values);
            });
    return json;
  }
}
