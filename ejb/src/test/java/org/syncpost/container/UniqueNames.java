package org.syncpost.container;

import java.util.UUID;

/**
 * Names no other test uses: the container tests share one database per deployment, so each test
 * makes its own users, profiles and queues under fresh names.
 */
public final class UniqueNames {

  private UniqueNames() {}

  /** {@code prefix}, a dash and eight random hex digits. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
