package org.syncpost.profile.boundary.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.profile.boundary.Profiles;

/**
 * {@code /api/v1/profile-presets}: the mail providers a new profile can start from (issue 15), as
 * {@code "preset"} of {@code POST /profiles}.
 */
@Path("profile-presets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProfilePresetsResource {

  @Inject Profiles profiles;

  @GET
  public JsonArray list() {
    return JsonOutput.array(profiles.presets(), ProfileJson::of);
  }
}
