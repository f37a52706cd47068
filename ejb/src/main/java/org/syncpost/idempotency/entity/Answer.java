package org.syncpost.idempotency.entity;

/**
 * What an idempotent request answered the first time, so a retry gets the same: the status, the
 * created resource's location and id, and the body as it was sent.
 */
public record Answer(int status, String location, Long resourceId, String body) {}
