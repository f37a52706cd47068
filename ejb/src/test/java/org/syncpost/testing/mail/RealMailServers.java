package org.syncpost.testing.mail;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that starts Debian's Dovecot or Postfix ({@link MailServers}, {@link Dovecot}): the
 * {@code ejb} module runs it only where Dovecot is installed (profile {@code real-mail-servers}),
 * so that {@code ./mvnw -B verify -pl ejb -am} needs no Debian package (ADR 0014); {@code
 * ./run-tests} installs Dovecot and Postfix, so CI always runs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RealMailServers.TAG)
public @interface RealMailServers {

  String TAG = "real-mail-servers";
}
