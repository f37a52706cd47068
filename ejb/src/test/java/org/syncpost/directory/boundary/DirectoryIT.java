package org.syncpost.directory.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.container.UniqueNames.unique;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.boundary.AuditTrail;
import org.syncpost.container.AsAdministrator;
import org.syncpost.directory.entity.DirectoryFilter;
import org.syncpost.directory.entity.DirectorySort;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.QueueDetails;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.profile.boundary.Profiles;
import org.syncpost.profile.entity.CredentialSource;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.ProfileSettingsBuilder;
import org.syncpost.settings.entity.IncomingFilter;
import org.syncpost.validation.entity.InvalidInput;

@ExtendWith(ArquillianExtension.class)
class DirectoryIT {

  @Inject AsAdministrator admin;
  @Inject Users users;
  @Inject Queues queues;
  @Inject Mailboxes mailboxes;
  @Inject AuditTrail audit;
  @Inject Profiles profiles;

  @Test
  void aNewUserGetsExactlyOneMailboxWithTheirAddress() throws Exception {
    String name = unique("frank");

    User user =
        admin.call(
            () ->
                users.create(
                    new UserDetails(name, name + "@example.org", EnumSet.of(Role.MAILBOX_OWNER)),
                    null));

    Mailbox mailbox =
        admin.call(() -> mailboxes.find(users.mailboxIdOf(users.find(user.getId())).orElseThrow()));
    assertThat(mailbox.getEmail() + " owned by " + mailbox.getOwner().getName())
        .isEqualTo(name + "@example.org owned by " + name);
  }

  @Test
  void usersAndQueuesAreSearchedSortedAndPagedByTheDatabase() throws Exception {
    String prefix = unique("Paged");
    for (String suffix : List.of("b", "a", "c")) {
      admin.call(
          () ->
              users.create(
                  new UserDetails(
                      prefix + "-" + suffix, suffix + prefix + "@example.org", Set.of()),
                  null));
    }
    admin.call(
        () ->
            queues.create(
                new QueueDetails(
                    "desk-" + prefix,
                    prefix + "@queues.example.org",
                    null,
                    IncomingFilter.ALL_EMAIL)));
    DirectoryFilter byEmailDescending =
        new DirectoryFilter(prefix.toUpperCase(), null, null, DirectorySort.EMAIL, true);
    DirectoryFilter namedA =
        new DirectoryFilter(null, prefix + "-A", null, DirectorySort.NAME, false);

    assertThat(
            List.of(
                names(admin.call(() -> users.search(byEmailDescending, 0, 10))),
                names(admin.call(() -> users.search(byEmailDescending, 1, 1))),
                List.of(String.valueOf(admin.call(() -> users.countMatching(byEmailDescending)))),
                names(admin.call(() -> users.search(namedA, 0, 10))),
                admin.call(() -> queues.search(byEmailDescending, 0, 10)).stream()
                    .map(Queue::getName)
                    .toList()))
        .containsExactly(
            List.of(prefix + "-c", prefix + "-b", prefix + "-a"),
            List.of(prefix + "-b"),
            List.of("3"),
            List.of(prefix + "-a"),
            List.of("desk-" + prefix));
  }

  private static List<String> names(List<User> found) {
    return found.stream().map(User::getName).toList();
  }

  @Test
  void twoMailboxesCannotShareAnAddressAndTheRefusedUserIsNotStored() throws Exception {
    String address = unique("shared") + "@example.org";
    admin.call(
        () ->
            queues.create(
                new QueueDetails(unique("queue"), address, null, IncomingFilter.ALL_EMAIL)));
    long usersBefore = admin.call(() -> users.countMatching(DirectoryFilter.ALL));

    InvalidInput refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInput.class,
            () ->
                admin.call(
                    () -> users.create(new UserDetails(unique("gina"), address, Set.of()), null)));

    assertThat(refused.violations()).extracting(v -> v.field()).containsExactly("email");
    assertThat(admin.call(() -> users.countMatching(DirectoryFilter.ALL))).isEqualTo(usersBefore);
  }

  @Test
  void deletingAUserRemovesTheirMailboxAndIsAudited() throws Exception {
    String name = unique("henry");
    User user =
        admin.call(
            () -> users.create(new UserDetails(name, name + "@example.org", Set.of()), null));
    long mailboxId = admin.call(() -> users.mailboxIdOf(users.find(user.getId())).orElseThrow());
    long mailboxesBefore = admin.call(() -> mailboxes.count(null));

    admin.run(() -> users.delete(user.getId()));

    assertThat(admin.call(() -> mailboxes.count(null))).isEqualTo(mailboxesBefore - 1);
    assertThat(admin.call(() -> audit.entries("user", user.getId(), 0, 10)))
        .extracting(e -> e.getAction())
        .containsExactly("deleted", "created");
    assertThat(mailboxId).isPositive();
  }

  @Test
  void deletingAUserLeavesTheProfilesTheyOwnedWithoutOwner() throws Exception {
    String name = unique("iris");
    User user =
        admin.call(
            () -> users.create(new UserDetails(name, name + "@example.org", Set.of()), null));
    EmailServerProfile owned =
        admin.call(
            () ->
                profiles.create(
                    ProfileSettingsBuilder.onlyRequired()
                        .name(unique("owned"))
                        .incomingServer("imap.example.org")
                        .outgoingServer("smtp.example.org")
                        .incomingCredentialSource(CredentialSource.USER_OR_QUEUE)
                        .incomingAuthProtocol(AuthProtocol.AUTO_DETECT)
                        .processEmailFrom(Instant.parse("2026-01-01T00:00:00Z"))
                        .revocationCheck(RevocationCheck.ON)
                        .ownerId(user.getId())
                        .build()));
    assertThat(owned.getOwner().getId()).isEqualTo(user.getId());

    admin.run(() -> users.delete(user.getId()));

    assertThat(admin.call(() -> profiles.find(owned.getId())).getOwner()).isNull();
  }
}
