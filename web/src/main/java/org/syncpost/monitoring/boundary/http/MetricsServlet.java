package org.syncpost.monitoring.boundary.http;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.syncpost.monitoring.control.SyncMetrics;

/**
 * SyncPost's metrics in the Prometheus text format, on every server: where the server has
 * MicroProfile Metrics (Payara) the same series are at its {@code /metrics} as well; on WildFly 39
 * only here (ADR 0010). Like the servers' own endpoints it needs no sign-in and shows counts only.
 */
@WebServlet(urlPatterns = MetricsServlet.PATH)
public class MetricsServlet extends HttpServlet {

  static final String PATH = "/monitoring/metrics";

  @Inject SyncMetrics metrics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain; version=0.0.4; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(metrics.prometheusText());
  }
}
