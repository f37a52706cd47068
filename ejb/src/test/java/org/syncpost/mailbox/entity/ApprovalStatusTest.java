package org.syncpost.mailbox.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApprovalStatusTest {

  @ParameterizedTest(name = "{0} with approval required={1} permits processing: {2}")
  @CsvSource({
    "EMPTY,    true,  false",
    "EMPTY,    false, true",
    "PENDING,  true,  false",
    "PENDING,  false, true",
    "APPROVED, true,  true",
    "APPROVED, false, true",
    "REJECTED, true,  false",
    "REJECTED, false, false"
  })
  void onlyApprovedProcessesWhenApprovalIsRequiredAndRejectedNeverDoes(
      ApprovalStatus status, boolean approvalRequired, boolean permitted) {
    assertThat(status.permitsProcessing(approvalRequired)).isEqualTo(permitted);
  }
}
