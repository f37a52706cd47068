package org.syncpost.directory.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.audit.boundary.AuditTrail;
import org.syncpost.container.AsAdministrator;
import org.syncpost.container.Deployments;
import org.syncpost.directory.entity.IncomingFilter;
import org.syncpost.directory.entity.QueueDetails;
import org.syncpost.directory.entity.Role;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.validation.entity.InvalidInput;

@ExtendWith(ArquillianExtension.class)
class DirectoryIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.facades();
  }

  @Inject AsAdministrator admin;
  @Inject Users users;
  @Inject Queues queues;
  @Inject Mailboxes mailboxes;
  @Inject AuditTrail audit;

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aNewUserGetsExactlyOneMailboxWithTheirAddress() throws Exception {
    String name = unique("frank");

    User user =
        admin.call(
            () ->
                users.create(
                    new UserDetails(name, name + "@example.org", EnumSet.of(Role.MAILBOX_OWNER)),
                    null));

    Mailbox mailbox = admin.call(() -> users.mailboxOf(users.find(user.getId())).orElseThrow());
    assertThat(mailbox.getEmail() + " owned by " + mailbox.getOwner().getName())
        .isEqualTo(name + "@example.org owned by " + name);
  }

  @Test
  void twoMailboxesCannotShareAnAddressAndTheRefusedUserIsNotStored() throws Exception {
    String address = unique("shared") + "@example.org";
    admin.call(
        () ->
            queues.create(
                new QueueDetails(unique("queue"), address, null, IncomingFilter.ALL_EMAIL)));
    long usersBefore = admin.call(() -> users.count());

    InvalidInput refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInput.class,
            () ->
                admin.call(
                    () -> users.create(new UserDetails(unique("gina"), address, Set.of()), null)));

    assertThat(refused.violations()).extracting(v -> v.field()).containsExactly("email");
    assertThat(admin.call(() -> users.count())).isEqualTo(usersBefore);
  }

  @Test
  void deletingAUserRemovesTheirMailboxAndIsAudited() throws Exception {
    String name = unique("henry");
    User user =
        admin.call(
            () -> users.create(new UserDetails(name, name + "@example.org", Set.of()), null));
    long mailboxId =
        admin.call(() -> users.mailboxOf(users.find(user.getId())).orElseThrow().getId());
    long mailboxesBefore = admin.call(() -> mailboxes.count(null));

    admin.run(() -> users.delete(user.getId()));

    assertThat(admin.call(() -> mailboxes.count(null))).isEqualTo(mailboxesBefore - 1);
    assertThat(admin.call(() -> audit.entries("user", user.getId(), 0, 10)))
        .extracting(e -> e.getAction())
        .containsExactly("deleted", "created");
    assertThat(mailboxId).isPositive();
  }
}
