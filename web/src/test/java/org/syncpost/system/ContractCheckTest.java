package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the system tests' answer check lets through and what it stops, on answers made here. */
class ContractCheckTest {

  private static final URI KEYS = URI.create("https://localhost:8181/api/v1/credential-keys");
  private static final URI JOBS = URI.create("https://localhost:8181/api/v1/jobs");

  @Test
  void anAnswerAsTheContractDescribesItPasses() {
    assertThatCode(
            () ->
                ContractCheck.check(
                    "GET",
                    KEYS,
                    200,
                    json(),
                    "{\"currentKeyId\":\"k1\",\"valuesPerKey\":{\"k1\":3}}"))
        .doesNotThrowAnyException();
  }

  @Test
  void aFieldTheContractDoesNotDeclareFailsNamingOperationStatusAndField() {
    assertThatThrownBy(
            () ->
                ContractCheck.check(
                    "GET",
                    KEYS,
                    200,
                    json(),
                    "{\"currentKeyId\":\"k1\",\"valuesPerKey\":{},\"secret\":\"s\"}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("getCredentialKeyUsage")
        .hasMessageContaining("200")
        .hasMessageContaining("secret");
  }

  @Test
  void aValueOfTheWrongTypeFails() {
    assertThatThrownBy(
            () ->
                ContractCheck.check(
                    "GET", KEYS, 200, json(), "{\"currentKeyId\":7,\"valuesPerKey\":{}}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("currentKeyId");
  }

  @Test
  void aStatusTheOperationDoesNotDeclareFails() {
    assertThatThrownBy(() -> ContractCheck.check("GET", KEYS, 409, problem(), "{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("getCredentialKeyUsage (GET /credential-keys) answered 409");
  }

  @Test
  void aListWithoutItsTotalFails() {
    assertThatThrownBy(() -> ContractCheck.check("GET", JOBS, 200, json(), "[]"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("X-Total-Count");
  }

  @Test
  void anErrorThatIsNotProblemDetailsFails() {
    assertThatThrownBy(
            () ->
                ContractCheck.check(
                    "GET", JOBS, 400, json(), "{\"message\":\"limit must be between 1 and 1000\"}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("application/json");
  }

  private static HttpHeaders json() {
    return headers("application/json");
  }

  private static HttpHeaders problem() {
    return headers("application/problem+json");
  }

  private static HttpHeaders headers(String contentType) {
    return HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true);
  }
}
