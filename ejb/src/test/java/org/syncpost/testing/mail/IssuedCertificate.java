package org.syncpost.testing.mail;

import java.nio.file.Path;

/**
 * A server certificate issued by the test CA: PEM files a server can be configured with.
 *
 * @param certificate the certificate (PEM)
 * @param privateKey its unencrypted PKCS#8 private key (PEM), readable by root only
 */
public record IssuedCertificate(Path certificate, Path privateKey) {}
