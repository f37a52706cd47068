package org.syncpost.api.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncpost.validation.entity.InvalidInput;

class JsonInputTest {

  @Test
  void refusesAMissingBodyAsOneViolation() {
    JsonInput input = new JsonInput(null, Set.of("a"));
    assertThatThrownBy(input::requireReadable)
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.violations()).extracting("field").containsExactly("body"));
  }

  @Test
  void refusesInstantsTheDatabaseCannotHold() {
    for (String date :
        new String[] {
          "+999999999-12-31T23:59:59Z", "-000001-01-01T00:00:00Z", "1969-12-31T23:59:59Z"
        }) {
      JsonInput input = input(Json.createObjectBuilder().add("sendAt", date).build());
      assertThat(input.instant("sendAt")).as(date).isNull();
      assertThatThrownBy(input::requireReadable).as(date).isInstanceOf(InvalidInput.class);
    }
  }

  @Test
  void takesInstantsWithinTheRange() {
    JsonInput input =
        input(Json.createObjectBuilder().add("sendAt", "9999-12-31T23:59:59Z").build());
    assertThat(input.instant("sendAt")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    input.requireReadable();
  }

  @Test
  void refusesASecretThatWouldNotFitItsColumnOnceEncrypted() {
    JsonInput input = input(Json.createObjectBuilder().add("password", "p".repeat(1000)).build());
    assertThat(input.secret("password")).isNull();
    assertThatThrownBy(input::requireReadable).isInstanceOf(InvalidInput.class);
  }

  @Test
  void takesASecretOfTheLongestLength() {
    JsonInput input =
        input(
            Json.createObjectBuilder()
                .add("password", "p".repeat(JsonInput.MAX_SECRET_BYTES))
                .build());
    assertThat(input.secret("password")).isNotNull();
    input.requireReadable();
  }

  private static JsonInput input(JsonObject json) {
    return new JsonInput(json, Set.of("sendAt", "password"));
  }
}
