package org.syncpost.mailserver.control;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON a mail server sends when it refuses a XOAUTH2 sign-in (Google's "XOAUTH2 protocol", as
 * Dovecot, Microsoft and Yahoo answer too: {@code {"status":"401","schemes":"Bearer",
 * "scope":"https://mail.google.com/"}}, Base64 in the SASL challenge), in plain words.
 */
final class XOAuth2Errors {

  private static final Pattern BASE64_JSON = Pattern.compile("eyJ[A-Za-z0-9+/=]{8,}");
  private static final Pattern JSON = Pattern.compile("\\{[^{}]*\"status\"[^{}]*}");

  private XOAuth2Errors() {}

  /**
   * {@code ": the server says it is invalid or expired (status 401), …"} for the first XOAUTH2
   * error among {@code messages}, or {@code " was refused"} when none carries one.
   */
  static String reasonIn(List<String> messages) {
    for (String message : messages) {
      if (message == null) {
        continue;
      }
      for (String json : candidates(message)) {
        try {
          Map<String, Object> error = JSONObjectUtils.parse(json);
          Object status = error.get("status");
          if (status != null) {
            return " was refused: " + words(String.valueOf(status), error.get("scope"));
          }
        } catch (ParseException notJson) {
          // not the server's JSON: look further
        }
      }
    }
    return " was refused (the server gave no reason)";
  }

  private static List<String> candidates(String message) {
    java.util.ArrayList<String> found = new java.util.ArrayList<>();
    Matcher plain = JSON.matcher(message);
    while (plain.find()) {
      found.add(plain.group());
    }
    Matcher encoded = BASE64_JSON.matcher(message);
    while (encoded.find()) {
      try {
        found.add(new String(Base64.getDecoder().decode(encoded.group()), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException notBase64) {
        // a token or other text that only looks like it
      }
    }
    return found;
  }

  private static String words(String status, Object scope) {
    String needed = scope == null ? "" : "; the server asks for the scope " + scope;
    return switch (status) {
      case "401", "invalid_token" ->
          "the token is invalid or has expired, or is not for this mailbox (status "
              + status
              + ")"
              + needed;
      case "400", "invalid_request" ->
          "the server did not accept the sign-in request, often because the token is for another"
              + " user than the mailbox's address (status "
              + status
              + ")"
              + needed;
      case "403", "insufficient_scope" ->
          "the token lacks the scope that allows IMAP, POP3 or SMTP, or the mailbox may not use"
              + " them (status "
              + status
              + ")"
              + needed;
      default -> "status " + status + needed;
    };
  }
}
