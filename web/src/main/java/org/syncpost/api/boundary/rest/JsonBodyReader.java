package org.syncpost.api.boundary.rest;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.eclipse.microprofile.config.ConfigProvider;
import org.syncpost.api.control.JsonBody;

/**
 * Every JSON request body of the API passes here before a resource sees it: it must be one JSON
 * object in strict UTF-8, within the size and nesting limits, with nothing after it. The JSON-P
 * provider the server brings would hand a resource {@code null} for {@code "null"}, fail with a
 * {@code ClassCastException} on {@code []}, ignore trailing data and replace invalid UTF-8; a
 * provider of the application is preferred over the server's for the same type (JAX-RS 3.1, section
 * 4.1.3).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json", "application/*+json"})
public class JsonBodyReader implements MessageBodyReader<JsonObject> {

  /** The largest JSON body in bytes; attachments travel inside it as base64. */
  public static final String MAX_BYTES = "syncpost.api.max-request-bytes";

  /** How deep objects and arrays may nest in a body. */
  public static final String MAX_DEPTH = "syncpost.api.max-json-depth";

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == JsonObject.class;
  }

  @Override
  public JsonObject readFrom(
      Class<JsonObject> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    return JsonBody.limitedTo(
            setting(MAX_BYTES, JsonBody.DEFAULT_MAX_BYTES),
            setting(MAX_DEPTH, JsonBody.DEFAULT_MAX_DEPTH))
        .read(entityStream);
  }

  private static int setting(String name, int fallback) {
    return ConfigProvider.getConfig().getOptionalValue(name, Integer.class).orElse(fallback);
  }
}
