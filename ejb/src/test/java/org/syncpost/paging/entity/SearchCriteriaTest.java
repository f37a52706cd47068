package org.syncpost.paging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchCriteriaTest {

  @Test
  void wildcardsAndTheEscapeCharacterInATextAreMatchedLiterally() {
    assertThat(SearchCriteria.pattern("50%_Off\\x")).isEqualTo("%50\\%\\_off\\\\x%");
  }

  @Test
  void aTextSearchesEveryPathCaseInsensitivelyAndMissingCriteriaAreLeftOut() {
    SearchCriteria criteria =
        new SearchCriteria()
            .containing("text", "Ada", "m.name", "m.email")
            .containing("name", "  ", "m.name")
            .equal("m.owner.id", "ownerId", null)
            .equal("m.approvalStatus", "approval", "APPROVED");

    assertThat(criteria.where())
        .isEqualTo(
            " where 1 = 1 and (lower(m.name) like :text escape '\\' or lower(m.email) like :text"
                + " escape '\\') and m.approvalStatus = :approval");
  }
}
