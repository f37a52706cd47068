package org.syncpost.mailserver.entity;

import java.net.URI;
import java.util.List;

/**
 * What an authorization server says about itself in its OpenID Connect discovery document (OpenID
 * Connect Discovery 1.0 §3, RFC 8414): where tokens and sign-ins are asked for.
 *
 * @param issuer its issuer identifier
 * @param tokenEndpoint where SyncPost asks for tokens
 * @param authorizationEndpoint where a person signs in, or {@code null}
 * @param scopesSupported the scopes it names, possibly none
 * @param grantTypesSupported the grants it names, possibly none
 */
public record AuthorizationServer(
    URI issuer,
    URI tokenEndpoint,
    URI authorizationEndpoint,
    List<String> scopesSupported,
    List<String> grantTypesSupported) {}
