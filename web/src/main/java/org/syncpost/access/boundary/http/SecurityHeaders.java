package org.syncpost.access.boundary.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers that make browsers keep SyncPost's pages to themselves, on every answer (a servlet may
 * set a stricter Content-Security-Policy of its own, as the email body viewer does):
 *
 * <ul>
 *   <li>{@code Strict-Transport-Security} over HTTPS (RFC 6797): the browser comes back over HTTPS
 *       only, for a year.
 *   <li>{@code Content-Security-Policy}: scripts, styles, images and fonts from SyncPost itself
 *       only; no plugins, no foreign forms, no framing by other sites. PrimeFaces writes inline
 *       scripts and event handlers and its widgets evaluate scripts from Ajax answers, hence {@code
 *       'unsafe-inline'} and {@code 'unsafe-eval'} for scripts; what a page shows of an email is
 *       sanitised and framed with a policy of its own.
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin}.
 * </ul>
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
          + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'self'";

  static final String ONE_YEAR = "max-age=31536000";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", ONE_YEAR);
    }
    chain.doFilter(request, response);
  }
}
