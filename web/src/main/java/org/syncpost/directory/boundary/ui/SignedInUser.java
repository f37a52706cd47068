package org.syncpost.directory.boundary.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import org.syncpost.access.entity.Role;

/** Who is signed in and what their roles let the menu offer; signing out. */
@Named
@RequestScoped
public class SignedInUser {

  @Inject SecurityContext security;
  @Inject FacesContext faces;

  public String getName() {
    Principal caller = security.getCallerPrincipal();
    return caller == null ? "" : caller.getName();
  }

  public boolean isAdministrator() {
    return security.isCallerInRole(Role.ADMINISTRATOR_NAME);
  }

  /** Approvers and administrators decide on email addresses. */
  public boolean isApprover() {
    return isAdministrator() || security.isCallerInRole(Role.APPROVER_NAME);
  }

  public void signOut() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
  }
}
