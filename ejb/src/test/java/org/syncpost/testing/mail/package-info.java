/**
 * Real mail servers for protocol tests, private to each test class and on loopback only.
 *
 * <p>{@link org.syncpost.testing.mail.MailServers} starts, per test class, a test CA with OCSP and
 * CRL ({@link org.syncpost.testing.mail.TestCertificates}), Dovecot ({@link
 * org.syncpost.testing.mail.Dovecot}: IMAP, IMAPS, POP3, POP3S, LMTP) and optionally Postfix
 * ({@link org.syncpost.testing.mail.Postfix}: submission with STARTTLS, submissions). Each loopback
 * address 127.0.0.1–127.0.0.4 presents one {@link org.syncpost.testing.mail.ServerCertificate}
 * scenario (valid, expired, wrong host, revoked) on the same ports. {@link
 * org.syncpost.testing.mail.ConnectionCountingProxy} measures how many connections a server sees at
 * once.
 *
 * <p>They need root and the Debian packages dovecot-imapd, dovecot-pop3d, dovecot-lmtpd, postfix
 * and openssl ({@code .ci/run} installs them). Other modules use them through this module's
 * test-jar. {@code -Dsyncpost.keepTestData=true} keeps the servers' directories and logs.
 */
package org.syncpost.testing.mail;
