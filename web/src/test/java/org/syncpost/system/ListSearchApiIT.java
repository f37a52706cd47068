package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;

/**
 * The lists of users, queues and mailboxes search ({@code q}) and sort ({@code sort=field[,desc]})
 * in the database, like the admin UI's lists; the total counts what the search found.
 */
@ExtendWith(SharedSyncPost.class)
class ListSearchApiIT {

  private final Api admin;

  ListSearchApiIT(SyncPostServer server) {
    this.admin = server.admin();
  }

  @Test
  void usersAreFoundByAnyPartOfTheirNameOrAddressAndSortedByTheFieldAsked() {
    String tag = unique("find");
    // names sort b < c < a by address, a < b < c by name
    createUser(tag + "-a", "zz-" + tag);
    createUser(tag + "-b", "aa-" + tag);
    createUser(tag + "-c", "mm-" + tag);

    Reply byNameDescending = admin.get("users?q=" + tag.toUpperCase() + "&sort=name,desc");
    Reply byEmail = admin.get("users?q=" + tag + "&sort=email");

    assertThat(names(byNameDescending)).containsExactly(tag + "-c", tag + "-b", tag + "-a");
    assertThat(byNameDescending.header("X-Total-Count")).isEqualTo("3");
    assertThat(names(byEmail)).containsExactly(tag + "-b", tag + "-c", tag + "-a");
    assertThat(names(admin.get("users?q=aa-" + tag))).containsExactly(tag + "-b");
  }

  @Test
  void queuesAreSearchedAndSortedLikeUsers() {
    String tag = unique("desk");
    for (String suffix : List.of("2", "1", "3")) {
      Reply created =
          admin.post(
              "queues",
              "{\"name\": \"%s\", \"email\": \"%s@example.org\"}"
                  .formatted(tag + "-" + suffix, tag + "-" + suffix));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    assertThat(names(admin.get("queues?q=" + tag + "&sort=email,asc")))
        .containsExactly(tag + "-1", tag + "-2", tag + "-3");
    assertThat(names(admin.get("queues?q=" + tag + "&sort=name,desc&limit=2")))
        .containsExactly(tag + "-3", tag + "-2");
  }

  @Test
  void mailboxesAreSearchedWithinAProfileAndSortedByTheirJsonFieldNames() {
    String tag = unique("box");
    createUser(tag + "-x", tag + "-x");
    createUser(tag + "-y", tag + "-y");

    Reply descending = admin.get("mailboxes?q=" + tag + "&sort=email,desc");
    Reply byApproval = admin.get("mailboxes?q=" + tag + "&sort=approval");

    assertThat(descending.status()).as(descending.toString()).isEqualTo(200);
    assertThat(emails(descending)).containsExactly(tag + "-y@example.org", tag + "-x@example.org");
    assertThat(byApproval.status()).as(byApproval.toString()).isEqualTo(200);
    assertThat(emails(byApproval)).hasSize(2);
    assertThat(admin.get("mailboxes?q=" + tag + "&profileId=999999999").array()).isEmpty();
  }

  @Test
  void anUnknownSortFieldOrDirectionIsRefusedNamingTheFieldsThatSort() {
    for (String sort : List.of("password", "name,sideways", "name,desc,again", ",desc")) {
      Reply refused = admin.get("users?sort=" + sort);

      assertThat(refused.status()).as(sort + ": " + refused).isEqualTo(400);
      JsonObject error = refused.json().getJsonArray("errors").getJsonObject(0);
      assertThat(error.getString("field")).isEqualTo("sort");
      assertThat(error.getString("message")).contains("name, email").contains(",desc");
    }
    Reply mailboxes = admin.get("mailboxes?sort=profileName");
    assertThat(mailboxes.status()).isEqualTo(400);
    assertThat(mailboxes.body()).contains("incomingStatus");
  }

  private void createUser(String name, String mailLocalPart) {
    Reply created =
        admin.post(
            "users",
            "{\"name\": \"%s\", \"email\": \"%s@example.org\", \"roles\": [\"mailbox-owner\"]}"
                .formatted(name, mailLocalPart));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  private static List<String> names(Reply list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.array().getValuesAs(JsonObject.class).stream()
        .map(item -> item.getString("name"))
        .toList();
  }

  private static List<String> emails(Reply list) {
    return list.array().getValuesAs(JsonObject.class).stream()
        .map(item -> item.getString("email"))
        .toList();
  }
}
