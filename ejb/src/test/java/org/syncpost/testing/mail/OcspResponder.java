package org.syncpost.testing.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The test CA's OCSP responder (RFC 6960) on 127.0.0.1. Each request is answered by {@code openssl
 * ocsp} run as an offline responder over the CA's database ({@code -reqin}/{@code -respout}).
 *
 * <p>Why not {@code openssl ocsp -port}: in OpenSSL 3.0 (Debian bookworm) {@code -port} takes only
 * a number and listens on every interface (the {@code host:port} form is refused: "Can't parse ...
 * as a number"). Test servers must listen on loopback only, so HTTP is served here and openssl only
 * signs the answers.
 */
final class OcspResponder implements AutoCloseable {

  private static final System.Logger LOGGER = System.getLogger(OcspResponder.class.getName());

  private final HttpServer server;
  private final Path caDirectory;
  private final Path work;

  private OcspResponder(HttpServer server, Path caDirectory, Path work) {
    this.server = server;
    this.caDirectory = caDirectory;
    this.work = work;
  }

  /**
   * Listens on a free port of 127.0.0.1 for a CA whose {@code index.txt}, {@code ca.crt} and {@code
   * ca.key} are (or will be, before the first request) in {@code caDirectory}.
   */
  static OcspResponder start(Path caDirectory) {
    try {
      Path work = Files.createDirectories(caDirectory.resolve("ocsp-exchanges"));
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
      OcspResponder responder = new OcspResponder(server, caDirectory, work);
      server.createContext("/", responder::answer);
      server.start();
      return responder;
    } catch (IOException e) {
      throw new ServerStartFailed("could not start the OCSP responder on 127.0.0.1", e);
    }
  }

  /** The URL every test certificate names in its Authority Information Access extension. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] request = request(exchange);
      if (request == null) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      byte[] response = respond(request);
      exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
      exchange.sendResponseHeaders(200, response.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(response);
      }
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "OCSP request failed", e);
      exchange.sendResponseHeaders(500, -1);
    }
  }

  /** POST carries the DER request; GET carries it URL-encoded base64 in the path (RFC 6960 A.1). */
  private static byte[] request(HttpExchange exchange) throws IOException {
    if ("POST".equals(exchange.getRequestMethod())) {
      return exchange.getRequestBody().readAllBytes();
    }
    String encoded = exchange.getRequestURI().getRawPath().substring(1);
    if (!"GET".equals(exchange.getRequestMethod()) || encoded.isEmpty()) {
      return null;
    }
    return Base64.getDecoder().decode(URLDecoder.decode(encoded, StandardCharsets.US_ASCII));
  }

  private byte[] respond(byte[] request) {
    String id = UUID.randomUUID().toString();
    Path requestFile = work.resolve(id + ".req");
    Path responseFile = work.resolve(id + ".resp");
    try {
      Files.write(requestFile, request);
      List<String> command =
          new ArrayList<>(
              List.of(
                  "openssl ocsp -index index.txt -CA ca.crt -rsigner ca.crt -rkey ca.key -nmin 5"
                      .split(" ")));
      command.addAll(
          List.of("-reqin", requestFile.toString(), "-respout", responseFile.toString()));
      ExternalCommand.run(Duration.ofSeconds(10), caDirectory, command);
      return Files.readAllBytes(responseFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(requestFile);
        Files.deleteIfExists(responseFile);
      } catch (IOException ignored) {
        // removed with the CA's directory anyway
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
