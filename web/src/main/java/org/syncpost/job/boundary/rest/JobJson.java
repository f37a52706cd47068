package org.syncpost.job.boundary.rest;

import jakarta.json.JsonObject;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.job.entity.Job;
import org.syncpost.job.entity.JobItem;

/** The public JSON contract of a job: progress, and per mailbox its result. */
final class JobJson {

  private JobJson() {}

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
