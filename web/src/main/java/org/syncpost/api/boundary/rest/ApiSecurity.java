package org.syncpost.api.boundary.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import org.syncpost.directory.entity.Role;

/**
 * How callers prove who they are: HTTP Basic against SyncPost's own users (see {@code
 * DirectoryIdentityStore}). A CDI bean, because Jakarta Security only reads the definition from
 * beans.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "SyncPost")
@DeclareRoles({Role.ADMINISTRATOR_NAME, Role.APPROVER_NAME, Role.MAILBOX_OWNER_NAME})
public class ApiSecurity {}
