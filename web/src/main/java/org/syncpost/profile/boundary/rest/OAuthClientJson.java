package org.syncpost.profile.boundary.rest;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.OAuthGrant;
import org.syncpost.profile.entity.OAuthSettings;

/**
 * The JSON contract of a profile's OAuth 2.0 client (issue 15). The client secret and the private
 * key go in, never out: the answer says only whether they are set and when this server last got a
 * token with them.
 */
final class OAuthClientJson {

  static final String[] SECRET_FIELDS = {"clientSecret", "privateKey"};

  private static final Set<String> FIELDS =
      Set.of(
          "grant",
          "tokenEndpoint",
          "authorizationEndpoint",
          "clientId",
          "clientSecret",
          "clientSecretSet",
          "privateKey",
          "privateKeySet",
          "keyId",
          "scopes",
          "issuer",
          "lastTokenAt");

  private OAuthClientJson() {}

  static JsonObject of(OAuthSettings oauth, Instant lastTokenAt) {
    return new JsonOutput()
        .add("grant", oauth.getGrant())
        .add("tokenEndpoint", oauth.getTokenEndpoint())
        .add("authorizationEndpoint", oauth.getAuthorizationEndpoint())
        .add("clientId", oauth.getClientId())
        .add("clientSecretSet", oauth.isClientSecretSet())
        .add("privateKeySet", oauth.isPrivateKeySet())
        .add("keyId", oauth.getKeyId())
        .add("scopes", oauth.getScopes())
        .add("lastTokenAt", lastTokenAt)
        .build();
  }

  static JsonInput input(JsonObject json) {
    return new JsonInput(json, FIELDS);
  }

  static OAuthSettings.Input settings(JsonInput in) {
    String privateKey = in.string("privateKey");
    if (privateKey != null && privateKey.isEmpty()) {
      in.reject("privateKey", "must not be empty; leave the field out to keep the stored key");
      privateKey = null;
    }
    OAuthSettings.Input input =
        new OAuthSettings.Input(
            in.enumValue("grant", OAuthGrant.class),
            in.string("tokenEndpoint"),
            in.string("authorizationEndpoint"),
            in.string("clientId"),
            in.secret("clientSecret"),
            privateKey == null ? null : Secret.of(privateKey),
            in.string("keyId"),
            in.string("scopes"),
            in.string("issuer"));
    in.requireReadable();
    return input;
  }
}
