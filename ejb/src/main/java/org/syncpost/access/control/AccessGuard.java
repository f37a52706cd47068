package org.syncpost.access.control;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.syncpost.access.entity.AccessRefused;
import org.syncpost.access.entity.Role;

/**
 * The one place where the role matrix is enforced: every call of a facade operation is checked
 * against {@link AccessMatrix} before it runs. An operation the matrix does not name is refused, so
 * a new facade method is closed until someone decides who may call it.
 *
 * <p>What "own" means (their mailbox, the email of their mailboxes) the facade decides, as it alone
 * knows what it is working on; the guard decides whether the role may call at all.
 */
@Guarded
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AccessGuard {

  @Inject SecurityContext security;

  @AroundInvoke
  Object check(InvocationContext call) throws Exception {
    String operation = operationOf(call);
    AccessMatrix matrix = AccessMatrix.get();
    if (matrix.isOpenToAnyone(operation)) {
      return call.proceed();
    }
    Set<Role> roles = callerRoles();
    if (roles.isEmpty()) {
      // not an owner of nothing: a signed-in user without a role may do nothing at all
      throw new AccessRefused(
          "Your account has no role, so SyncPost lets it do nothing: ask an administrator to give"
              + " it one.");
    }
    if (!matrix.allows(operation, roles)) {
      throw new AccessRefused(
          "Your roles do not allow "
              + operation
              + "; ask an administrator if you need it (the role matrix is in the README).");
    }
    return call.proceed();
  }

  static String operationOf(InvocationContext call) {
    return call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName();
  }

  private Set<Role> callerRoles() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(Role.values())
        .filter(role -> security.isCallerInRole(role.externalName()))
        .forEach(roles::add);
    return roles;
  }
}
