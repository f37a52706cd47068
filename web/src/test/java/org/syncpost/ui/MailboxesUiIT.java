package org.syncpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.syncpost.system.Api;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.Bodies;
import org.syncpost.system.SyncPostServer;

/**
 * The guide's "Change multiple records" on the active mailboxes, in the browser: a page at a time,
 * searched and filtered by the database, selected across pages or all matching at once.
 */
@ExtendWith(UiSyncPost.class)
@Timeout(180)
class MailboxesUiIT {

  private static final String TABLE = "mailboxes:table";
  private static final By PAGE_REPORT =
      By.cssSelector("[id='mailboxes:table_paginator_bottom'] .ui-paginator-current");

  private final SyncPostServer server;
  private final Api admin;
  private Browser browser;

  MailboxesUiIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private long profile() {
    Reply created = admin.post("profiles", Bodies.imapProfile(ProfilesUiIT.unique("ui-bulk")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  /** A new user's mailbox, its name starting with {@code prefix}. */
  private long mailbox(String prefix) {
    return mailboxNamed(ProfilesUiIT.unique(prefix));
  }

  private long mailboxNamed(String name) {
    Reply user = admin.post("users", Bodies.user(name).build().toString());
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    return user.json().getJsonNumber("mailboxId").longValue();
  }

  /** {@code count} mailboxes named prefix-00, prefix-01 …: mailbox id by name, in name order. */
  private Map<String, Long> mailboxes(String prefix, int count) {
    Map<String, Long> created = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String name = String.format("%s-%02d", prefix, i);
      created.put(name, mailboxNamed(name));
    }
    return created;
  }

  private Set<String> approved(Map<String, Long> mailboxes) {
    Set<String> approved = new TreeSet<>();
    mailboxes.forEach(
        (name, id) -> {
          if ("APPROVED".equals(admin.get("mailboxes/" + id).json().getString("approvalStatus"))) {
            approved.add(name);
          }
        });
    return approved;
  }

  private void openMailboxes() {
    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/mailbox/mailboxes.xhtml");
  }

  @Test
  void theSearchFindsAMailboxOnALaterPageAndTicksOnTwoPagesOfTheSortedListApproveExactlyThoseTwo() {
    String prefix = ProfilesUiIT.unique("paged");
    Map<String, Long> created = mailboxes(prefix, 60);
    openMailboxes();

    browser.searchTable(TABLE, prefix.toUpperCase() + "-57");
    assertThat(browser.rows(TABLE)).singleElement().asString().contains(prefix + "-57");

    browser.searchTable(TABLE, prefix);
    browser.awaitText(PAGE_REPORT, "1–25 of 60 mailboxes");
    assertThat(browser.rows(TABLE)).hasSize(25);
    By nameHeader =
        By.xpath(
            "//*[@id='mailboxes:table']//th//span[@class='ui-column-title' and text()='Name']");
    browser.click(nameHeader);
    browser.click(nameHeader);
    browser.awaitFirstRow(TABLE, prefix + "-59");
    browser.click(By.cssSelector("#mailboxes\\:table_data tr:nth-child(1) .ui-chkbox-box"));
    browser.nextPage(TABLE);
    browser.awaitFirstRow(TABLE, prefix + "-34");
    browser.click(By.cssSelector("#mailboxes\\:table_data tr:nth-child(1) .ui-chkbox-box"));
    browser.click(By.id("mailboxes:approve"));
    browser.awaitText(By.id("growl_container"), "2 of 2 mailboxes approved");

    assertThat(approved(created)).containsExactly(prefix + "-34", prefix + "-59");
  }

  @Test
  void selectingAllMatchingApprovesEveryFilteredMailboxOnEveryPage() {
    String prefix = ProfilesUiIT.unique("every");
    Map<String, Long> matching = mailboxes(prefix, 30);
    String outsider = ProfilesUiIT.unique("outside");
    long outsiderId = mailboxNamed(outsider);
    openMailboxes();

    browser.filterTable(TABLE, 0, prefix);
    assertThat(browser.rows(TABLE)).hasSize(25);
    browser.click(By.id("mailboxes:selectAllMatching"));
    browser.awaitText(By.id("mailboxes:allMatchingNotice"), "all 30 mailboxes");
    browser.click(By.id("mailboxes:approve"));
    browser.awaitText(By.id("growl_container"), "30 of 30 mailboxes approved");

    assertThat(approved(matching)).hasSize(30);
    assertThat(approved(Map.of(outsider, outsiderId))).isEmpty();
  }

  @Test
  void editingSeveralSelectedMailboxesChangesProfileAndDeliveryMethodsOfEachOfThem() {
    long profileId = profile();
    String prefix = ProfilesUiIT.unique("bulk");
    List<Long> selected = List.of(mailbox(prefix), mailbox(prefix));
    long untouched = mailbox(ProfilesUiIT.unique("other"));

    browser = new Browser(server.httpsBase());
    browser.signIn("admin", SyncPostServer.ADMIN_PASSWORD);
    browser.open("admin/mailbox/mailboxes.xhtml");
    browser.filterTable("mailboxes:table", 0, prefix);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElements(By.cssSelector("#mailboxes\\:table_data tr")).size() == 2);
    browser.click(By.cssSelector("#mailboxes\\:table_data tr:nth-child(1) .ui-chkbox-box"));
    browser.click(By.cssSelector("#mailboxes\\:table_data tr:nth-child(2) .ui-chkbox-box"));
    browser.click(By.id("mailboxes:edit"));
    browser.find(By.id("mailboxes:editDialog"));
    browser.selectOne("mailboxes:profileId", String.valueOf(profileId));
    browser.selectOne("mailboxes:incomingDeliveryMethod", "SERVER_SIDE_SYNC");
    browser.selectOne("mailboxes:outgoingDeliveryMethod", "NONE");
    browser.screenshot("bulk-edit");
    browser.click(By.id("mailboxes:change"));
    browser.awaitText(By.id("growl_container"), "Changed 2 mailboxes");

    String expected = profileId + " SERVER_SIDE_SYNC NONE";
    assertThat(selected.stream().map(id -> describe(admin.get("mailboxes/" + id).json())))
        .containsExactly(expected, expected);
    assertThat(describe(admin.get("mailboxes/" + untouched).json())).isNotEqualTo(expected);
  }

  private static String describe(JsonObject mailbox) {
    return mailbox.get("profileId")
        + " "
        + mailbox.getString("incomingDeliveryMethod")
        + " "
        + mailbox.getString("outgoingDeliveryMethod");
  }
}
