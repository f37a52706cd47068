package org.syncpost.mailbox.boundary.http;

/**
 * What a provider's refusal of a sign-in (RFC 6749 §4.1.2.1) means for the person who tried to
 * connect a mailbox, and what to do.
 */
final class Refusals {

  private Refusals() {}

  static String ofAuthorization(String error, String description) {
    String meaning =
        switch (error) {
          case "access_denied" ->
              "You (or the provider's policy) declined to let SyncPost access the mailbox, so it"
                  + " is not connected. Press 'Connect with …' again and accept the permissions"
                  + " asked for; if your organisation must approve the application first, ask"
                  + " your administrator to grant admin consent.";
          case "invalid_scope" ->
              "The provider does not know the permissions (scopes) the profile asks for. An"
                  + " administrator corrects the profile's OAuth scopes, then you connect again.";
          case "unauthorized_client", "invalid_request" ->
              "The provider refused SyncPost's request: the application registration does not"
                  + " match the profile (client id, or the redirect URI registered). An"
                  + " administrator checks both, then you connect again.";
          case "temporarily_unavailable", "server_error" ->
              "The provider could not answer just now. Press 'Connect with …' again in a few"
                  + " minutes.";
          default ->
              "The provider refused the sign-in. Press 'Connect with …' again; if it is refused"
                  + " again, give your administrator the provider's words below.";
        };
    return meaning
        + " (The provider said: "
        + error
        + (description == null || description.isBlank() ? "" : ", \"" + description.strip() + "\"")
        + ".)";
  }
}
