package org.syncpost.api.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.validation.entity.AccessDenied;

/**
 * Refuses passwords that arrive over plain HTTP, where anyone on the network could read them,
 * unless the organisation chose to allow it ("allow credentials entry over non-secure channels").
 */
@RequestScoped
public class CredentialsChannel {

  @Inject HttpServletRequest request;
  @Inject Settings settings;

  public void requireSecureFor(JsonInput input, String... passwordFields) {
    for (String field : passwordFields) {
      if (input.has(field) && !request.isSecure() && !settings.allowsCredentialsOverHttp()) {
        throw new AccessDenied(
            "Passwords are accepted over HTTPS only, and '"
                + field
                + "' came over plain HTTP. Send the request to the HTTPS address, or let an"
                + " administrator turn on allowCredentialsEntryOverHttp in the email settings.");
      }
    }
  }
}
