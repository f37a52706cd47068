package org.syncpost.api.boundary.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/openapi.yaml} and {@code /api/v1/openapi.json}: the API's contract, open to anyone
 * (it holds no data), so that a client can be generated before anyone has an account.
 */
@Path("")
@RequestScoped
public class ContractResource {

  @GET
  @Path("openapi.yaml")
  @Produces(ApiContract.YAML_MEDIA_TYPE)
  public String yaml() {
    return ApiContract.yaml();
  }

  @GET
  @Path("openapi.json")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject json() {
    return ApiContract.json();
  }
}
