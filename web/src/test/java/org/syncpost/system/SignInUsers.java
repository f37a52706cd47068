package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Arrays;
import org.syncpost.system.Api.Reply;

/** Users who can sign in, created over REST as an administrator would: one place for the tests. */
public final class SignInUsers {

  private SignInUsers() {}

  /**
   * Creates the user {@code name} (at example.org) with the password and roles given (their REST
   * names; none for a user without a role) and fails the test unless it was created.
   *
   * @return the user as the API answered it (with its {@code id} and {@code mailboxId})
   */
  public static JsonObject create(Api admin, String name, String password, String... roles) {
    JsonArrayBuilder roleNames = Json.createArrayBuilder();
    Arrays.stream(roles).forEach(roleNames::add);
    Reply created =
        admin.post(
            "users",
            Bodies.user(name).add("roles", roleNames).add("password", password).build().toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }
}
