package org.syncpost.mailserver.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.mailserver.entity.TrustSettings;

/**
 * The TLS trust SyncPost applies to mail servers: the JDK's trust anchors plus the profile's own
 * (PEM) certificates, certificate path validation always on, revocation checked as the profile
 * says. Host names are checked by the JDK's trust manager during the handshake, because {@code
 * MailSessions} sets {@code mail.<protocol>.ssl.checkserveridentity}, which makes Angus Mail set
 * the endpoint identification algorithm on every socket.
 *
 * <p>Revocation uses the {@link PKIXRevocationChecker} of {@code
 * CertPathBuilder.getInstance("PKIX")} added to the {@link PKIXBuilderParameters}: OCSP first, CRL
 * distribution points as fallback. A checker supplied this way is not in the JDK's "legacy" mode,
 * so it fetches CRLs from the distribution points without the global {@code
 * com.sun.security.enableCRLDP} and asks OCSP without the {@code ocsp.enable} security property
 * (checked in JDK 17's {@code sun.security.provider.certpath.RevocationChecker#init}). Network
 * bounds come from the JDK's {@code com.sun.security.ocsp.timeout} and {@code
 * com.sun.security.crl.timeout} (15 s each by default), which are JVM-wide.
 *
 * <p>Soft-fail also accepts a certificate that names no revocation source at all, which the JDK's
 * own {@code SOFT_FAIL} does not (see {@code SoftFailTrustManager}).
 *
 * <p>A server certificate that is itself one of the trust anchors (a self-signed certificate pasted
 * into the profile) is trusted as it is: the JDK checks neither its dates nor its revocation, as
 * for any trust anchor.
 *
 * <p>Building a context reads the JDK's trust store and creates a trust manager factory, so one
 * socket factory per distinct (certificates, revocation) pair is kept for the life of the
 * application. Change of the JDK trust store needs a restart.
 *
 * <p>Each context's client session cache lets a reconnect resume its TLS session where the server
 * offers it (TLS 1.3 session tickets, RFC 8446 §2.2): no certificate to check and no signature to
 * verify again, which were most of a new connection's CPU in ScaleBenchmark. The JDK keys that
 * cache by host name and port, and a context belongs to one trust setting, so a session is resumed
 * only for the host it was checked for, under the same trust (ADR 0032). It is resumable for {@link
 * #RESUMABLE_FOR}, not the JDK's 24 hours.
 */
@ApplicationScoped
public class TrustPolicy {

  private static final System.Logger LOGGER = System.getLogger(TrustPolicy.class.getName());

  private static final Pattern PEM_CERTIFICATE =
      Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

  /**
   * How long a TLS session may be resumed without its certificate checked again: as long as a kept
   * IMAP connection goes without signing in again ({@code KeptConnections.SIGN_IN_AGAIN_AFTER}), so
   * that a certificate revoked or replaced meanwhile is checked within the same time either way.
   */
  static final Duration RESUMABLE_FOR = Duration.ofMinutes(30);

  private final ConcurrentMap<Key, SSLSocketFactory> socketFactories = new ConcurrentHashMap<>();

  private record Key(String certificatesSha256, RevocationCheck revocationCheck) {}

  /**
   * The SSL socket factory for connections under {@code trust}, built once per distinct trust.
   *
   * @throws IllegalArgumentException if the PEM text holds no readable certificate
   */
  public SSLSocketFactory socketFactoryFor(TrustSettings trust) {
    Key key = new Key(sha256(trust.trustedCertificatesPem()), trust.revocationCheck());
    SSLSocketFactory cached = socketFactories.get(key);
    if (cached != null) {
      return cached;
    }
    // built outside computeIfAbsent: a bad PEM must throw without poisoning the map
    SSLSocketFactory built = contextFor(trust).getSocketFactory();
    SSLSocketFactory raced = socketFactories.putIfAbsent(key, built);
    return raced != null ? raced : built;
  }

  /**
   * A new SSL context for {@code trust}; prefer {@link #socketFactoryFor}, which caches.
   *
   * @throws IllegalArgumentException if the PEM text holds no readable certificate
   */
  public SSLContext contextFor(TrustSettings trust) {
    Set<TrustAnchor> anchors = new LinkedHashSet<>();
    for (X509Certificate jdk : jdkTrustAnchors()) {
      anchors.add(new TrustAnchor(jdk, null));
    }
    if (trust.trustedCertificatesPem() != null) {
      for (X509Certificate own : certificatesIn(trust.trustedCertificatesPem())) {
        anchors.add(new TrustAnchor(own, null));
      }
    }
    try {
      X509ExtendedTrustManager checking = trustManager(anchors, trust.revocationCheck());
      TrustManager applied =
          trust.revocationCheck() == RevocationCheck.SOFT_FAIL
              ? new SoftFailTrustManager(checking, trustManager(anchors, RevocationCheck.OFF))
              : checking;
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {applied}, null);
      context.getClientSessionContext().setSessionTimeout((int) RESUMABLE_FOR.toSeconds());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot set up PKIX TLS trust: " + e, e);
    }
  }

  private static X509ExtendedTrustManager trustManager(
      Set<TrustAnchor> anchors, RevocationCheck check) throws GeneralSecurityException {
    PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, new X509CertSelector());
    applyRevocation(parameters, check);
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(new CertPathTrustManagerParameters(parameters));
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager extended) {
        return extended;
      }
    }
    throw new IllegalStateException("the JDK's PKIX trust manager factory has no X.509 manager");
  }

  private static void applyRevocation(PKIXBuilderParameters parameters, RevocationCheck check)
      throws GeneralSecurityException {
    if (check == RevocationCheck.OFF) {
      parameters.setRevocationEnabled(false);
      return;
    }
    PKIXRevocationChecker checker =
        (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX").getRevocationChecker();
    // no options = OCSP preferred, CRL distribution points as fallback, and an undetermined
    // status fails the path (CertPathValidatorException, reason UNDETERMINED_REVOCATION_STATUS)
    checker.setOptions(
        check == RevocationCheck.SOFT_FAIL
            ? EnumSet.of(PKIXRevocationChecker.Option.SOFT_FAIL)
            : EnumSet.noneOf(PKIXRevocationChecker.Option.class));
    parameters.setRevocationEnabled(true);
    parameters.addCertPathChecker(checker);
  }

  /**
   * Soft-fail as the profile means it: refuse a revoked certificate, accept one whose status cannot
   * be had. The JDK's {@code SOFT_FAIL} option forgives only a responder that cannot be reached; a
   * certificate that names no OCSP responder and no CRL at all (usual for a private CA) still fails
   * with "Certificate does not specify OCSP responder". For that case the chain is validated again
   * without revocation checking, which still checks everything else (but then no certificate of
   * that chain has its revocation checked).
   */
  private static final class SoftFailTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager checking;
    private final X509ExtendedTrustManager withoutRevocation;

    SoftFailTrustManager(
        X509ExtendedTrustManager checking, X509ExtendedTrustManager withoutRevocation) {
      this.checking = checking;
      this.withoutRevocation = withoutRevocation;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      try {
        checking.checkServerTrusted(chain, authType, socket);
      } catch (CertificateException e) {
        requireUnknownStatus(e, chain);
        withoutRevocation.checkServerTrusted(chain, authType, socket);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      try {
        checking.checkServerTrusted(chain, authType, engine);
      } catch (CertificateException e) {
        requireUnknownStatus(e, chain);
        withoutRevocation.checkServerTrusted(chain, authType, engine);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      try {
        checking.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        requireUnknownStatus(e, chain);
        withoutRevocation.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checking.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checking.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      checking.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return checking.getAcceptedIssuers();
    }

    private static void requireUnknownStatus(CertificateException e, X509Certificate[] chain)
        throws CertificateException {
      if (!revocationStatusUnknown(e)) {
        throw e;
      }
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "Revocation status of {0} cannot be had; accepted under soft-fail",
          chain.length == 0 ? "?" : chain[0].getSubjectX500Principal());
    }
  }

  /**
   * The path failed only because no revocation status could be had: no REVOKED anywhere, and an
   * undetermined status or a certificate without OCSP responder (with the CRL fallback's failure
   * added as suppressed).
   */
  static boolean revocationStatusUnknown(Throwable failure) {
    boolean unknown = false;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
    while (!todo.isEmpty()) {
      Throwable t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof CertPathValidatorException path) {
        if (path.getReason() == BasicReason.REVOKED) {
          return false;
        }
        unknown |= isUnknownRevocationStatus(path);
      }
      if (t.getCause() != null) {
        todo.push(t.getCause());
      }
      todo.addAll(List.of(t.getSuppressed()));
    }
    return unknown;
  }

  /** As the JDK's {@code RevocationChecker} reports a status it could not obtain. */
  public static boolean isUnknownRevocationStatus(CertPathValidatorException path) {
    String message = path.getMessage() == null ? "" : path.getMessage().toLowerCase(Locale.ROOT);
    return path.getReason() == BasicReason.UNDETERMINED_REVOCATION_STATUS
        || message.contains("does not specify ocsp responder")
        || message.contains("could not determine revocation status");
  }

  /**
   * The X.509 certificates in PEM text, in order. Text around the blocks (such as the {@code
   * subject=} lines {@code openssl} writes) is ignored.
   *
   * @throws IllegalArgumentException naming the block that cannot be read, or when there is none
   */
  public static List<X509Certificate> certificatesIn(String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher block = PEM_CERTIFICATE.matcher(pem == null ? "" : pem);
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      while (block.find()) {
        int number = certificates.size() + 1;
        try {
          byte[] der = Base64.getMimeDecoder().decode(block.group(1));
          certificates.add(
              (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "certificate " + number + " is not a valid X.509 certificate", e);
        }
      }
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(
          "no '-----BEGIN CERTIFICATE-----' block was found in the text");
    }
    return certificates;
  }

  private static List<X509Certificate> jdkTrustAnchors() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      List<X509Certificate> anchors = new ArrayList<>();
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          anchors.addAll(List.of(x509.getAcceptedIssuers()));
        }
      }
      return anchors;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's trust store cannot be read: " + e, e);
    }
  }

  private static String sha256(String text) {
    if (text == null) {
      return "";
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
