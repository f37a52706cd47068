package org.syncpost.api.boundary.rest;

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
import java.util.Base64;
import java.util.Set;
import org.syncpost.access.entity.Role;
import org.syncpost.api.boundary.soap.Soap;

/**
 * How callers prove who they are, against SyncPost's own users (see {@code
 * DirectoryIdentityStore}): programs calling {@code /api/*} or the SOAP services send HTTP Basic on
 * every request (RFC 7617) and get a 401 challenge otherwise; people using the admin UI sign in
 * once on {@code /login.xhtml} and stay signed in for their HTTP session. One mechanism for both,
 * because Jakarta Security allows only one per application.
 */
@ApplicationScoped
@DeclareRoles({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME, Role.MAILBOX_OWNER_NAME})
public class ApiSecurity implements HttpAuthenticationMechanism {

  public static final String LOGIN_PAGE = "/login.xhtml";
  private static final String SIGNED_IN = ApiSecurity.class.getName() + ".signedIn";
  private static final String BASIC = "Basic ";

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = pathOf(request);
    if (path.startsWith("/api/") || Soap.isFor(path)) {
      return basic(request, context);
    }
    return form(request, response, context);
  }

  private AuthenticationStatus basic(HttpServletRequest request, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      CredentialValidationResult result = identityStores.validate(decode(header));
      if (result.getStatus() == CredentialValidationResult.Status.VALID) {
        return context.notifyContainerAboutLogin(result);
      }
      return challenge(context);
    }
    return context.isProtected() ? challenge(context) : context.doNothing();
  }

  private static AuthenticationStatus challenge(HttpMessageContext context) {
    context.getResponse().setHeader("WWW-Authenticate", "Basic realm=\"SyncPost\"");
    return context.responseUnauthorized();
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
      CredentialValidationResult result = identityStores.validate(typed);
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
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
