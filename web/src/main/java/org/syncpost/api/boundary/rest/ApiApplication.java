package org.syncpost.api.boundary.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API for line-of-business applications and automation, version 1. Its contract is the
 * hand-kept OpenAPI document served at {@code /api/v1/openapi.yaml} ({@link ApiContract}, ADR
 * 0022), not the outline Payara generates at {@code /openapi}.
 */
@ApplicationPath("api/v1")
public class ApiApplication extends Application {}
