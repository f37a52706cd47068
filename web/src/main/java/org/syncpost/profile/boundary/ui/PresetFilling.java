package org.syncpost.profile.boundary.ui;

import java.util.Optional;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.profile.entity.CredentialSource;
import org.syncpost.profile.entity.ProviderPreset;
import org.syncpost.profile.entity.ServerAddress;

/**
 * How the profile form starts from a provider preset (issue 15): its servers, ports, TLS and
 * sign-in go into the form's fields, its OAuth grant, endpoints and scopes into the OAuth client's,
 * so that the administrator enters only the client id and its secret or key.
 */
final class PresetFilling {

  private PresetFilling() {}

  /**
   * Fills {@code form} and {@code oauth} from {@code preset}; what keeps it from doing so, in words
   * for the administrator, when the preset does not fit the form's server type.
   */
  static Optional<String> fill(ProviderPreset preset, ProfileForm form, OAuthClientForm oauth) {
    String incoming = preset.incoming(form.getServerType());
    if (incoming == null) {
      return Optional.of(
          preset.name()
              + " has no POP3 server: choose the server type IMAP/SMTP for this profile.");
    }
    if (form.getName() == null || form.getName().isBlank()) {
      form.setName(preset.name());
    }
    // presets are data in the repository, parsed by the same rules as a typed location
    ServerAddress in = ServerAddress.parse(incoming).orElseThrow();
    ServerAddress out = ServerAddress.parse(preset.smtp()).orElseThrow();
    form.setIncomingServer(in.host());
    form.setIncomingPort(in.port().orElse(null));
    form.setIncomingUseSsl(true);
    form.setOutgoingServer(out.host());
    form.setOutgoingPort(out.port().orElse(null));
    form.setOutgoingUseSsl(true);
    form.setUseSameSettingsForOutgoing(true);
    form.setIncomingCredentialSource(preset.credentialSource());
    form.setIncomingAuthProtocol(preset.authProtocol());
    if (preset.grant() != null) {
      oauth.startFrom(preset);
    }
    return Optional.empty();
  }

  /**
   * Any OpenID Connect provider: OAuth sign-in, endpoints left to the issuer's discovery on save.
   */
  static void fillForIssuer(ProfileForm form, OAuthClientForm oauth) {
    form.setIncomingCredentialSource(CredentialSource.OAUTH2);
    form.setIncomingAuthProtocol(AuthProtocol.OAUTH2);
    form.setUseSameSettingsForOutgoing(true);
    oauth.startFromIssuer();
  }
}
