package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syncpost.system.Bodies.unique;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncpost.system.Api.Reply;
import org.syncpost.testing.Eventually;

/**
 * The lists of users, queues, mailboxes, emails and alerts search ({@code q}) and sort ({@code
 * sort=field[,desc]}) in the database, like the admin UI's lists; the total counts what the search
 * found.
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

  @Test
  void emailsAreFoundByTextInSubjectSenderToOrCcAndSortedByTheFieldAsked() {
    String tag = unique("memo");
    String sender = unique("sender");
    createUser(sender, sender);
    long mailbox = mailboxOfUser(sender);
    long inSubject =
        draft(mailbox, "c-third " + tag.toUpperCase(Locale.ROOT), "to", "x@example.org");
    long inCc = draft(mailbox, "a-first", "cc", tag + "-cc@example.org");
    long inTo = draft(mailbox, "b-second", "to", "someone-" + tag + "@example.org");
    long elsewhere = draft(mailbox, "d-fourth", "to", "nobody@example.org");

    Reply bySubject = admin.get("emails?q=" + tag + "&sort=subject");
    Reply bySubjectDescending =
        admin.get("emails?q=" + tag.toUpperCase(Locale.ROOT) + "&sort=subject,desc");
    Reply fromSender = admin.get("emails?q=" + sender + "&sort=from,desc");

    assertThat(ids(bySubject)).containsExactly(inCc, inTo, inSubject);
    assertThat(bySubject.header("X-Total-Count")).isEqualTo("3");
    assertThat(ids(bySubjectDescending)).containsExactly(inSubject, inTo, inCc);
    assertThat(ids(fromSender))
        .as("one sender: ties broken by id, in the direction asked")
        .containsExactly(elsewhere, inTo, inCc, inSubject);
    assertThat(ids(admin.get("emails?q=" + tag + "&sort=receivedOn"))).hasSize(3);
    assertThat(ids(admin.get("emails?q=" + tag + "&sort=sentOn,desc"))).hasSize(3);
    assertThat(ids(admin.get("emails?q=" + tag + "&sort=status"))).hasSize(3);
    assertThat(ids(admin.get("emails?q=" + sender)))
        .as("without sort, newest first as before")
        .containsExactly(elsewhere, inTo, inCc, inSubject);
  }

  @Test
  void alertsAreFoundByTextCodeOrAdviceAndSortedByTheFieldAsked() {
    String tag = unique("alerted");
    long first = testedMailbox(tag + "-1");
    long second = testedMailbox(tag + "-2");

    Reply byFirstRaised =
        admin.get("alerts?q=" + tag.toUpperCase(Locale.ROOT) + "&sort=firstRaisedOn");
    List<Long> ascending = ids(byFirstRaised);
    List<Long> descending = ids(admin.get("alerts?q=" + tag + "&sort=firstRaisedOn,desc"));

    assertThat(ascending).isNotEmpty();
    assertThat(byFirstRaised.header("X-Total-Count")).isEqualTo(String.valueOf(ascending.size()));
    assertThat(mailboxIds(byFirstRaised))
        .containsOnly(first, second)
        .startsWith(first)
        .endsWith(second);
    assertThat(descending).isEqualTo(reversed(ascending));
    for (String field : List.of("lastRaisedOn", "level", "code", "count")) {
      List<Long> up = ids(admin.get("alerts?q=" + tag + "&sort=" + field));
      List<Long> down = ids(admin.get("alerts?q=" + tag + "&sort=" + field + ",desc"));
      assertThat(down).as(field).isEqualTo(reversed(up));
    }
    JsonObject one = admin.get("alerts?mailboxId=" + first).array().getJsonObject(0);
    String code = one.getString("code");
    assertThat(ids(admin.get("alerts?mailboxId=" + first + "&q=" + code.toUpperCase(Locale.ROOT))))
        .contains(one.getJsonNumber("id").longValue());
    assertThat(ids(admin.get("alerts?q=" + tag + "-none"))).isEmpty();
  }

  @Test
  void anUnknownSortOfEmailsOrAlertsIsRefusedNamingTheFieldsThatSort() {
    Reply emails = admin.get("emails?sort=bcc");
    Reply alerts = admin.get("alerts?sort=text,desc");

    assertThat(emails.status()).as(emails.toString()).isEqualTo(400);
    assertThat(emails.body()).contains("receivedOn, sentOn, subject, from, status");
    assertThat(alerts.status()).as(alerts.toString()).isEqualTo(400);
    assertThat(alerts.body()).contains("lastRaisedOn, firstRaisedOn, level, code, count");
  }

  private long mailboxOfUser(String name) {
    JsonObject user = admin.get("users?q=" + name).array().getJsonObject(0);
    return user.getJsonNumber("mailboxId").longValue();
  }

  private long draft(long mailbox, String subject, String field, String address) {
    Reply created =
        admin.post(
            "emails",
            "{\"senderMailboxId\": %d, \"%s\": [\"%s\"], \"subject\": \"%s\", \"textBody\": \"b\", \"draft\": true}"
                .formatted(mailbox, field, address, subject));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  /** A new user's mailbox after a test &amp; enable job, which raises an alert naming it. */
  private long testedMailbox(String name) {
    createUser(name, name);
    long mailbox = mailboxOfUser(name);
    Reply job = admin.post("mailboxes/test-and-enable", "{\"mailboxIds\": [" + mailbox + "]}");
    assertThat(job.status()).as(job.toString()).isBetween(200, 202);
    Eventually.within(
        Duration.ofSeconds(60),
        "an alert about mailbox " + mailbox,
        () -> admin.get("alerts?mailboxId=" + mailbox).array().size(),
        count -> count > 0);
    return mailbox;
  }

  private static List<Long> ids(Reply list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.array().getValuesAs(JsonObject.class).stream()
        .map(item -> item.getJsonNumber("id").longValue())
        .toList();
  }

  private static List<Long> mailboxIds(Reply list) {
    return list.array().getValuesAs(JsonObject.class).stream()
        .map(item -> item.getJsonNumber("mailboxId").longValue())
        .toList();
  }

  private static List<Long> reversed(List<Long> ids) {
    List<Long> copy = new ArrayList<>(ids);
    Collections.reverse(copy);
    return copy;
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
