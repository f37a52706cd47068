package org.syncpost.testing.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Reads the certificate a TLS server presents, whatever it is: expired, revoked or naming another
 * host. For checking what a test server serves; never for connecting to anything for real.
 */
public final class PresentedCertificate {

  private PresentedCertificate() {}

  /** The leaf certificate presented on an implicit-TLS port (IMAPS, POP3S, SMTPS). */
  public static X509Certificate of(String host, int port) {
    try {
      SSLContext context = AcceptingAnyCertificate.sslContext();
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(5_000);
        socket.startHandshake();
        return (X509Certificate) socket.getSession().getPeerCertificates()[0];
      }
    } catch (IOException e) {
      throw new UncheckedIOException("no TLS handshake with " + host + ":" + port, e);
    }
  }
}
