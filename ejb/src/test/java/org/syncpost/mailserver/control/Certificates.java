package org.syncpost.mailserver.control;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: key stores and PEM certificates made with the JDK's {@code keytool}, as an
 * administrator would. Made once per test JVM (keytool takes a second per call) in a temporary
 * directory; nothing in it changes afterwards.
 *
 * <ul>
 *   <li>{@link #localhostIssuedByCa()}: a valid certificate for localhost and 127.0.0.1, issued by
 *       a test CA (no OCSP or CRL address, so its revocation status can never be found);
 *   <li>{@link #expiredIssuedByCa()}: the same, expired yesterday;
 *   <li>{@link #selfSignedLocalhost()}: self-signed for localhost and 127.0.0.1;
 *   <li>{@link #selfSignedOtherHost()}: self-signed for mail.example.org only.
 * </ul>
 */
final class Certificates {

  static final String PASSWORD = "changeit";

  /** A key store a test server presents, and the PEM a profile pastes to trust it. */
  record Served(Path keyStore, String trustPem) {}

  private static Certificates made;

  private final Path dir;
  private final Served localhostIssuedByCa;
  private final Served expiredIssuedByCa;
  private final Served selfSignedLocalhost;
  private final Served selfSignedOtherHost;

  private Certificates(Path dir) {
    this.dir = dir;
    keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-dname",
        "CN=SyncPost Test CA",
        "-ext",
        "bc:c",
        "-validity",
        "30",
        "-keystore",
        "ca.p12");
    String caPem = keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12");
    localhostIssuedByCa = issuedByCa("valid", caPem, "-validity", "30");
    expiredIssuedByCa = issuedByCa("expired", caPem, "-startdate", "-2d", "-validity", "1");
    selfSignedLocalhost = selfSigned("self-localhost", "localhost", "dns:localhost,ip:127.0.0.1");
    selfSignedOtherHost = selfSigned("self-other", "mail.example.org", "dns:mail.example.org");
  }

  static synchronized Certificates get() {
    if (made == null) {
      try {
        Path dir = Files.createTempDirectory("syncpost-certificates");
        dir.toFile().deleteOnExit();
        made = new Certificates(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return made;
  }

  Served localhostIssuedByCa() {
    return localhostIssuedByCa;
  }

  Served expiredIssuedByCa() {
    return expiredIssuedByCa;
  }

  Served selfSignedLocalhost() {
    return selfSignedLocalhost;
  }

  Served selfSignedOtherHost() {
    return selfSignedOtherHost;
  }

  private Served issuedByCa(String name, String caPem, String... validity) {
    String store = name + ".p12";
    keytool("-genkeypair", "-alias", "server", "-dname", "CN=localhost", "-keystore", store);
    keytool("-certreq", "-alias", "server", "-keystore", store, "-file", name + ".csr");
    List<String> gencert =
        new ArrayList<>(
            List.of(
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                "ca.p12",
                "-infile",
                name + ".csr",
                "-outfile",
                name + ".crt",
                "-rfc",
                "-ext",
                "san=dns:localhost,ip:127.0.0.1"));
    gencert.addAll(List.of(validity));
    keytool(gencert.toArray(String[]::new));
    write("ca.pem", caPem);
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store);
    keytool(
        "-importcert", "-noprompt", "-alias", "server", "-file", name + ".crt", "-keystore", store);
    return new Served(dir.resolve(store), caPem);
  }

  private Served selfSigned(String name, String commonName, String subjectAlternativeNames) {
    String store = name + ".p12";
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-dname",
        "CN=" + commonName,
        "-ext",
        "san=" + subjectAlternativeNames,
        "-validity",
        "30",
        "-keystore",
        store);
    String pem = keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", store);
    return new Served(dir.resolve(store), pem);
  }

  private void write(String file, String text) {
    try {
      Files.writeString(dir.resolve(file), text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs keytool in {@link #dir} with EC keys and the fixture password; returns its output. */
  private String keytool(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    // a short-lived JVM per call: the quick compiler and serial GC halve its start-up
    command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-J-Xshare:auto"));
    command.addAll(List.of(arguments));
    if (command.contains("-genkeypair")) {
      command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1"));
    }
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
    try {
      Path errors = dir.resolve("keytool-errors.txt");
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.to(errors.toFile()))
              .start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "keytool " + String.join(" ", arguments) + ": " + output + Files.readString(errors));
      }
      for (File file : dir.toFile().listFiles()) {
        file.deleteOnExit();
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
