package org.syncpost.job.boundary.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.api.control.Paging;
import org.syncpost.job.boundary.Jobs;

/**
 * {@code /api/v1/jobs}: background jobs, newest first, with progress ({@code done} of {@code
 * total}) and one result per mailbox; poll a job to watch it run.
 */
@Path("jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

  @Inject Jobs jobs;

  @GET
  public Response list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
    Paging paging = Paging.of(offset, limit);
    return JsonOutput.page(jobs.list(paging.offset(), paging.limit()), jobs.count(), JobJson::of);
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") long id) {
    return JobJson.of(jobs.find(id));
  }
}
