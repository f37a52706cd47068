package org.syncpost.crypto.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.syncpost.crypto.boundary.CredentialKeys;
import org.syncpost.crypto.entity.KeyUsage;

/**
 * {@code /api/v1/credential-keys}: rotate the key that protects stored passwords. Rotate, then
 * re-encrypt; when no value uses an old key any more, that key may leave the key file.
 */
@Path("credential-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CredentialKeysResource {

  @Inject CredentialKeys keys;

  @GET
  public JsonObject usage() {
    return json(keys.usage());
  }

  @POST
  @Path("rotate")
  public JsonObject rotate() {
    return json(keys.rotate());
  }

  @POST
  @Path("reload")
  public JsonObject reload() {
    return json(keys.reload());
  }

  @POST
  @Path("reencrypt")
  public JsonObject reencrypt() {
    return json(keys.reencryptAll());
  }

  private static JsonObject json(KeyUsage usage) {
    JsonObjectBuilder perKey = JSON.createObjectBuilder();
    usage.valuesPerKey().forEach(perKey::add);
    return JSON.createObjectBuilder()
        .add("currentKeyId", usage.currentKeyId())
        .add("valuesPerKey", perKey)
        .build();
  }
}
