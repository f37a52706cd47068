package org.syncpost.incoming.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name this node holds leases under: {@code syncpost.node-id}, or the host name with a random
 * suffix, so that two servers on one host (or a restarted one) never share a name.
 */
@ApplicationScoped
public class NodeIdentity {

  public static final String NODE_ID = "syncpost.node-id";

  @Inject
  @ConfigProperty(name = NODE_ID)
  Optional<String> configured = Optional.empty();

  private String name;

  @PostConstruct
  void decide() {
    name =
        configured
            .filter(n -> !n.isBlank())
            .orElseGet(() -> hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
    if (name.length() > 100) {
      name = name.substring(0, 100);
    }
  }

  public String name() {
    return name;
  }

  /** Whether the name was configured, and so is the same after a restart. */
  public boolean isConfigured() {
    return configured.filter(n -> !n.isBlank()).isPresent();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException unknown) {
      return "node";
    }
  }
}
