package org.syncpost.job.boundary.rest;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.job.entity.Job;
import org.syncpost.job.entity.JobItem;

/** The public JSON contract of a job: progress, and per mailbox its result. */
public final class JobJson {

  private JobJson() {}

  /** {@code 202 Accepted} for a job started in the background, with its address to follow. */
  public static Response accepted(Job job, UriInfo uriInfo) {
    return Response.accepted(of(job))
        .location(
            uriInfo.getBaseUriBuilder().path("jobs").path(String.valueOf(job.getId())).build())
        .build();
  }

  static JsonObject of(Job job) {
    return new JsonOutput()
        .add("id", job.getId())
        .add("kind", job.getKind())
        .add("status", job.getStatus())
        .add("total", job.getTotal())
        .add("done", job.getDone())
        .add("startedOn", job.getStartedOn())
        .add("finishedOn", job.getFinishedOn())
        .add("requestedBy", job.getRequestedBy())
        .add("message", job.getMessage())
        .add("results", JsonOutput.array(job.getItems(), JobJson::result))
        .build();
  }

  private static JsonObject result(JobItem item) {
    return new JsonOutput()
        .add("mailboxId", item.getMailboxId())
        .add("outcome", item.getOutcome())
        .add("message", item.getMessage())
        .add("finishedOn", item.getFinishedOn())
        .build();
  }
}
