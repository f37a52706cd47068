package org.syncpost.access.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncpost.access.entity.AccessRefused;
import org.syncpost.access.entity.Role;

class AccessGuardTest {

  /** Stands for a facade: the guard reads the operation's name from the method. */
  static class Alerts {
    public void list() {}

    public void raise() {}
  }

  private static Object check(Set<Role> callerRoles, String method) throws Exception {
    AccessGuard guard = new AccessGuard();
    guard.security =
        (SecurityContext)
            Proxy.newProxyInstance(
                AccessGuardTest.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class},
                (proxy, called, args) -> {
                  if (called.getName().equals("isCallerInRole")) {
                    return callerRoles.stream().anyMatch(r -> r.externalName().equals(args[0]));
                  }
                  throw new UnsupportedOperationException(called.getName());
                });
    Method operation = Alerts.class.getMethod(method);
    InvocationContext call =
        (InvocationContext)
            Proxy.newProxyInstance(
                AccessGuardTest.class.getClassLoader(),
                new Class<?>[] {InvocationContext.class},
                (proxy, called, args) ->
                    switch (called.getName()) {
                      case "getMethod" -> operation;
                      case "proceed" -> "ran";
                      default -> throw new UnsupportedOperationException(called.getName());
                    });
    return guard.check(call);
  }

  @Test
  void aMailboxOwnerMayCallWhatTheMatrixGivesOwners() throws Exception {
    assertThat(check(Set.of(Role.MAILBOX_OWNER), "list")).isEqualTo("ran");
  }

  @Test
  void aCallerWithoutAnyRoleIsRefusedEvenWhatOwnersMayDoAndToldToAskForARole() {
    assertThatThrownBy(() -> check(Set.of(), "list"))
        .isInstanceOf(AccessRefused.class)
        .hasMessageContaining("no role")
        .hasMessageContaining("ask an administrator");
  }

  @Test
  void whatIsOpenToAnyoneRunsWithoutARole() throws Exception {
    assertThat(check(Set.of(), "raise")).isEqualTo("ran");
  }
}
