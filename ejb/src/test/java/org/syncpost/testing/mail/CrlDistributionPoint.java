package org.syncpost.testing.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves the test CA's CRL (DER, RFC 5280 section 4.2.1.13) over HTTP on 127.0.0.1. The file is
 * read on every request, so a CRL regenerated after a revocation is served at once.
 */
final class CrlDistributionPoint implements AutoCloseable {

  static final String FILE_NAME = "ca.crl";

  private final HttpServer server;

  private CrlDistributionPoint(HttpServer server) {
    this.server = server;
  }

  static CrlDistributionPoint start(Path crl) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
      server.createContext("/" + FILE_NAME, exchange -> serve(exchange, crl));
      server.start();
      return new CrlDistributionPoint(server);
    } catch (IOException e) {
      throw new ServerStartFailed("could not start the CRL server on 127.0.0.1", e);
    }
  }

  /** The URL every test certificate names in its CRL Distribution Points extension. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + FILE_NAME);
  }

  private static void serve(HttpExchange exchange, Path crl) throws IOException {
    try (exchange) {
      if (!Files.exists(crl)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = Files.readAllBytes(crl);
      exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
