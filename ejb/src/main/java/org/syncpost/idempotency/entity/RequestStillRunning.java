package org.syncpost.idempotency.entity;

import org.syncpost.validation.entity.NotAllowedNow;

/**
 * A request with the same key is being processed right now (or failed just now): this one waits for
 * nothing and creates nothing; the caller retries and then gets the first answer.
 */
public class RequestStillRunning extends NotAllowedNow {

  private static final long serialVersionUID = 1L;

  public RequestStillRunning(String field, String key) {
    super(
        "Another request with the "
            + field
            + " '"
            + key
            + "' is being processed. Nothing was created by this one; send it again in a few"
            + " seconds to get the first request's answer.");
  }

  @Override
  public String code() {
    return "request-in-progress";
  }

  @Override
  public String title() {
    return "A request with this key is in progress";
  }
}
