package org.syncpost.email.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The authorities the organisation trusts for S/MIME signers (issue 16): the Java runtime's trust
 * store plus the CA certificates (PEM) of the file {@code syncpost.smime.trust-store}, by default
 * {@code smime-trust.pem} in the data directory. The file is read again when it changes (its time
 * and size are looked at for each signed message: a file system call, cheap beside verifying a
 * signature), so an administrator adds an authority without a restart; a missing file adds none,
 * and an unreadable one is logged and adds none.
 */
@ApplicationScoped
public class SmimeTrust {

  private static final System.Logger LOGGER = System.getLogger(SmimeTrust.class.getName());

  /** Larger is no list of authorities; it is not read. */
  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  @Inject
  @ConfigProperty(name = "syncpost.smime.trust-store")
  Optional<String> trustStore;

  @Inject
  @ConfigProperty(name = "syncpost.data-dir", defaultValue = "data")
  String dataDir;

  private final Set<TrustAnchor> runtime = MessageProtection.runtimeAnchors();
  private MessageProtection current = new MessageProtection(runtime);
  private Object readVersion = "none";

  /** The protection reader with the organisation's authorities as they are now. */
  public synchronized MessageProtection protection() {
    Path file = file();
    Object version = versionOf(file);
    if (!version.equals(readVersion)) {
      readVersion = version;
      Set<TrustAnchor> anchors = new HashSet<>(runtime);
      anchors.addAll(read(file));
      current = new MessageProtection(anchors);
    }
    return current;
  }

  Path file() {
    return trustStore
        .filter(path -> !path.isBlank())
        .map(Path::of)
        .orElse(Path.of(dataDir).resolve("smime-trust.pem"));
  }

  /** Its modification time and size, or "none" when there is no such file. */
  private static Object versionOf(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.lastModifiedTime() + "/" + attributes.size();
    } catch (IOException absent) {
      return "none";
    }
  }

  /** The CA certificates of {@code file}; none when it is missing or unreadable. */
  static Set<TrustAnchor> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Set.of();
    }
    Set<TrustAnchor> anchors = new HashSet<>();
    try (InputStream in = Files.newInputStream(file)) {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
      }
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        if (certificate instanceof X509Certificate authority) {
          anchors.add(new TrustAnchor(authority, null));
        }
      }
      LOGGER.log(
          System.Logger.Level.INFO,
          "S/MIME signers are trusted when {0} authorities of {1} (and the Java runtime''s) vouch for"
              + " them",
          anchors.size(),
          file);
      return anchors;
    } catch (IOException | GeneralSecurityException | RuntimeException unreadable) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "The S/MIME trust store {0} is not a file of PEM certificates ({1}); only the Java"
              + " runtime''s authorities are trusted until it is corrected",
          file,
          unreadable.getMessage());
      return Set.of();
    }
  }
}
