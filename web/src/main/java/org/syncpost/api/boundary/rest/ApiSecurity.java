package org.syncpost.api.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syncpost.access.control.SignInThrottle;
import org.syncpost.access.entity.Role;
import org.syncpost.api.boundary.soap.Soap;
import org.syncpost.api.boundary.soap.SoapRequests;
import org.syncpost.settings.boundary.Settings;

/**
 * How callers prove who they are, against SyncPost's own users (see {@code
 * DirectoryIdentityStore}): programs calling {@code /api/*} or the SOAP services send HTTP Basic on
 * every request (RFC 7617) and get a 401 challenge otherwise; people using the admin UI sign in
 * once on {@code /login.xhtml} and stay signed in for their HTTP session. One mechanism for both,
 * because Jakarta Security allows only one per application.
 *
 * <p>Both ways are throttled against password guessing ({@link SignInThrottle}): a failure is
 * answered after a growing delay, and a locked user name or address is refused without a password
 * check. Credentials travel over HTTPS only: HTTP Basic over plain HTTP is refused (401, saying to
 * use HTTPS) and the admin UI over plain HTTP is redirected to HTTPS, unless the organisation
 * allows credentials over plain HTTP ({@code allowCredentialsEntryOverHttp}, for development).
 */
@ApplicationScoped
@DeclareRoles({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME, Role.MAILBOX_OWNER_NAME})
public class ApiSecurity implements HttpAuthenticationMechanism {

  public static final String LOGIN_PAGE = "/login.xhtml";
  private static final String SIGNED_IN = ApiSecurity.class.getName() + ".signedIn";
  private static final String BASIC = "Basic ";

  /** Set on the request when the sign-in form's attempt was refused because of a lock. */
  public static final String LOCKED_FOR = ApiSecurity.class.getName() + ".lockedFor";

  /** Set on the request when the sign-in form's user has the right password but no role. */
  public static final String NO_ROLE = ApiSecurity.class.getName() + ".noRole";

  /** What a user without any role is told, wherever they come in. */
  public static final String NO_ROLE_DETAIL =
      "Your account has no role, so SyncPost lets it do nothing: ask an administrator to give it"
          + " one (administrator, approver or mailbox-owner).";

  @Inject IdentityStoreHandler identityStores;
  @Inject SignInThrottle throttle;
  @Inject Settings settings;

  @Inject
  @ConfigProperty(name = "syncpost.https-port", defaultValue = "8181")
  int httpsPort;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = pathOf(request);
    if (ApiContract.PATHS.contains(path)) {
      // the contract holds no data and no credentials travel: open over HTTP too, signed in or not
      return context.doNothing();
    }
    if (path.startsWith("/api/") || Soap.isFor(path)) {
      if (!request.isSecure() && !settings.allowsCredentialsOverHttp()) {
        return httpsRequired(request, response);
      }
      return basic(request, context);
    }
    if (isUi(path) && !request.isSecure() && !settings.allowsCredentialsOverHttp()) {
      return toHttps(request, response);
    }
    return form(request, response, context);
  }

  private AuthenticationStatus basic(HttpServletRequest request, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      UsernamePasswordCredential credential = decode(header);
      String address = request.getRemoteAddr();
      Optional<Duration> locked = throttle.lockedFor(credential.getCaller(), address);
      if (locked.isPresent()) {
        return tooManyFailures(context.getResponse(), locked.get());
      }
      CredentialValidationResult result = identityStores.validate(credential);
      if (result.getStatus() == CredentialValidationResult.Status.VALID) {
        throttle.succeeded(credential.getCaller());
        if (result.getCallerGroups().isEmpty()) {
          return noRole(request, context.getResponse());
        }
        return context.notifyContainerAboutLogin(result);
      }
      pause(throttle.failed(credential.getCaller(), address));
      return challenge(context.getResponse());
    }
    return context.isProtected() ? challenge(context.getResponse()) : context.doNothing();
  }

  private static AuthenticationStatus challenge(HttpServletResponse response) {
    return problem(
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "unauthenticated",
        "Sign-in required",
        "Send the user name and password of a SyncPost user with HTTP Basic authentication.");
  }

  /**
   * A user without a role is no one SyncPost knows what to let do: not signed in at all, so no
   * operation runs on their behalf, and told why (REST 403 problem+json, SOAP a {@code Client}
   * fault) rather than a bare "forbidden".
   */
  private static AuthenticationStatus noRole(
      HttpServletRequest request, HttpServletResponse response) {
    if (Soap.isFor(pathOf(request))) {
      try {
        SoapRequests.refuse(response, NO_ROLE_DETAIL);
        response.flushBuffer();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return AuthenticationStatus.SEND_FAILURE;
    }
    return problem(
        response, HttpServletResponse.SC_FORBIDDEN, "no-role", "No role", NO_ROLE_DETAIL);
  }

  private AuthenticationStatus httpsRequired(
      HttpServletRequest request, HttpServletResponse response) {
    return problem(
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "https-required",
        "Credentials are accepted over HTTPS only",
        "Nothing was checked or done: over plain HTTP anyone on the network could read the"
            + " password. Send the request to the HTTPS address instead: "
            + httpsUrl(request)
            + " (an operator may allow plain HTTP for development only, with the email setting"
            + " allowCredentialsEntryOverHttp).");
  }

  private static AuthenticationStatus tooManyFailures(
      HttpServletResponse response, Duration lockedFor) {
    long minutes = Math.max(1, (lockedFor.toSeconds() + 59) / 60);
    response.setHeader("Retry-After", String.valueOf(Math.max(1, lockedFor.toSeconds())));
    return problem(
        response,
        429,
        "sign-in-locked",
        "Too many failed sign-ins",
        "After repeated wrong user names or passwords, signing in is locked for this user name or"
            + " from this address for "
            + minutes
            + " more minute(s); the right password is refused until then too. Try again later, or"
            + " ask an administrator.");
  }

  /**
   * Writes an RFC 9457 problem and commits the response, so that the container adds no HTML error
   * page of its own.
   */
  private static AuthenticationStatus problem(
      HttpServletResponse response, int status, String type, String title, String detail) {
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"SyncPost\"");
    }
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    try {
      response
          .getWriter()
          .write(
              JSON.createObjectBuilder()
                  .add("type", Problem.TYPE_BASE + type)
                  .add("title", title)
                  .add("status", status)
                  .add("detail", detail)
                  .build()
                  .toString());
      response.flushBuffer();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** Answers a failed sign-in only after {@code delay}: guessing gets slower with each failure. */
  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The same address over HTTPS, without the query (which may carry more than the path). */
  private String httpsUrl(HttpServletRequest request) {
    return "https://"
        + request.getServerName()
        + (httpsPort == 443 ? "" : ":" + httpsPort)
        + request.getRequestURI();
  }

  /** The admin UI's pages (not the API, SOAP, health, metrics or OpenAPI document). */
  private static boolean isUi(String path) {
    return path.isEmpty()
        || path.equals("/")
        || path.startsWith("/admin/")
        || path.endsWith(".xhtml")
        || path.endsWith(".html");
  }

  private AuthenticationStatus toHttps(HttpServletRequest request, HttpServletResponse response) {
    String target =
        httpsUrl(request)
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    // 308 keeps the method: a form posted over HTTP is posted again over HTTPS
    response.setStatus(308);
    response.setHeader("Location", target);
    try {
      response.flushBuffer();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  private static UsernamePasswordCredential decode(String header) {
    String pair;
    try {
      pair =
          new String(
              Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      pair = "";
    }
    int colon = pair.indexOf(':');
    return colon < 0
        ? new UsernamePasswordCredential("", "")
        : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
  }

  /**
   * The sign-in page hands the typed credential over through {@code SecurityContext.authenticate};
   * afterwards the session carries who signed in, so the password is checked once per session.
   */
  private AuthenticationStatus form(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential typed = context.getAuthParameters().getCredential();
    if (typed != null) {
      String name =
          typed instanceof UsernamePasswordCredential credential ? credential.getCaller() : "";
      String address = request.getRemoteAddr();
      Optional<Duration> locked = throttle.lockedFor(name, address);
      if (locked.isPresent()) {
        request.setAttribute(LOCKED_FOR, locked.get());
        return AuthenticationStatus.SEND_FAILURE;
      }
      CredentialValidationResult result = identityStores.validate(typed);
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        pause(throttle.failed(name, address));
        return AuthenticationStatus.SEND_FAILURE;
      }
      throttle.succeeded(name);
      if (result.getCallerGroups().isEmpty()) {
        request.setAttribute(NO_ROLE, Boolean.TRUE);
        return AuthenticationStatus.SEND_FAILURE;
      }
      // a new session id on sign-in, so a session id planted before cannot ride along
      request.getSession(true);
      request.changeSessionId();
      request
          .getSession()
          .setAttribute(
              SIGNED_IN,
              new SignedIn(
                  result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
      return context.notifyContainerAboutLogin(result);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn) {
      return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    return toLoginPage(request, response);
  }

  private static AuthenticationStatus toLoginPage(
      HttpServletRequest request, HttpServletResponse response) {
    String back =
        pathOf(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    String login =
        request.getContextPath()
            + LOGIN_PAGE
            + "?from="
            + URLEncoder.encode(back, StandardCharsets.UTF_8);
    try {
      if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
        // an Ajax request after the session timed out: Faces' JavaScript follows only this form
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response
            .getWriter()
            .write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login.replace("&", "&amp;")
                    + "\"/></partial-response>");
      } else {
        response.sendRedirect(login);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  private static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** Who signed in to the admin UI, kept in their session. */
  private record SignedIn(String name, Set<String> groups) implements Serializable {}
}
