package org.syncpost.api.control;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.syncpost.api.entity.MalformedBody;

/**
 * Reads one request body as a JSON object, refusing what the JSON-P reader would take silently or
 * fail on deep inside: an empty body, another JSON value than an object, bytes that are not UTF-8
 * (RFC 8259 section 8.1), data after the object, nesting deeper than the limit (a parser recurses
 * into it) and bodies larger than the limit (read no further than the limit).
 */
public final class JsonBody {

  public static final int DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
  public static final int DEFAULT_MAX_DEPTH = 32;

  private final int maxBytes;
  private final int maxDepth;

  private JsonBody(int maxBytes, int maxDepth) {
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
  }

  public static JsonBody limitedTo(int maxBytes, int maxDepth) {
    return new JsonBody(maxBytes, maxDepth);
  }

  public JsonObject read(InputStream body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw new MalformedBody(
          MalformedBody.TOO_LARGE,
          "The request body is larger than "
              + maxBytes
              + " bytes; send less (e.g. fewer or smaller attachments).");
    }
    String text = utf8(bytes);
    if (text.isBlank()) {
      throw new MalformedBody(
          "empty-body", "The request has no body; send a JSON object, e.g. {}.");
    }
    checkShape(text);
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonException e) {
      throw new MalformedBody("malformed-json", "The body is not valid JSON.");
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedBody(
          "invalid-utf-8", "The body is not valid UTF-8; send JSON encoded as UTF-8.");
    }
  }

  /** One streaming pass: an object at the top, nesting within the limit, nothing after it. */
  private void checkShape(String text) {
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      JsonParser.Event first = parser.next();
      if (first != JsonParser.Event.START_OBJECT) {
        throw new MalformedBody(
            "not-an-object",
            "The body must be a JSON object ({...}), not "
                + describe(first)
                + "; put the fields of the request in an object.");
      }
      int depth = 1;
      while (depth > 0) {
        switch (parser.next()) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > maxDepth) {
              throw new MalformedBody(
                  "too-deep",
                  "The body nests objects and arrays deeper than "
                      + maxDepth
                      + " levels; no operation takes that.");
            }
          }
          case END_OBJECT, END_ARRAY -> depth--;
          default -> {}
        }
      }
      boolean more;
      try {
        more = parser.hasNext();
      } catch (JsonParsingException e) {
        more = true;
      }
      if (more) {
        throw trailing();
      }
    } catch (JsonParsingException e) {
      throw new MalformedBody(
          "malformed-json",
          "The body is not valid JSON (at line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + ").");
    } catch (JsonException | java.util.NoSuchElementException e) {
      throw new MalformedBody("malformed-json", "The body is not valid JSON.");
    }
  }

  private static MalformedBody trailing() {
    return new MalformedBody(
        "trailing-data",
        "The body has more after the JSON object; send exactly one object and nothing after it.");
  }

  private static String describe(JsonParser.Event event) {
    return switch (event) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER -> "a number";
      case VALUE_NULL -> "null";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      default -> "that";
    };
  }
}
