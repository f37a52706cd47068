package org.syncpost.settings.entity;

import java.util.ArrayList;
import java.util.List;
import org.syncpost.validation.entity.Violation;

/**
 * Fired before the organisation settings change, in the changing transaction, so that the
 * capabilities whose things the settings name by id (the default profile) can refuse one that does
 * not exist: the settings sit below them and do not know their types (ADR 0013).
 */
public final class SettingsChanging {

  private final EmailSettings requested;
  private final List<Violation> violations = new ArrayList<>();

  public SettingsChanging(EmailSettings requested) {
    this.requested = requested;
  }

  public EmailSettings requested() {
    return requested;
  }

  /** Refuses the change with {@code violation}, reported together with every other one. */
  public void refuse(Violation violation) {
    violations.add(violation);
  }

  public List<Violation> violations() {
    return List.copyOf(violations);
  }
}
