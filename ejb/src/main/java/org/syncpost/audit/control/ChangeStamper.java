package org.syncpost.audit.control;

import jakarta.inject.Inject;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Clock;
import org.syncpost.audit.entity.Tracked;

/** Stamps created/modified time and the modifying user on every insert and update. */
public class ChangeStamper {

  @Inject Clock clock;
  @Inject Actor actor;

  @PrePersist
  void created(Tracked entity) {
    entity.stampCreated(actor.name(), clock.instant());
  }

  @PreUpdate
  void modified(Tracked entity) {
    entity.stampModified(actor.name(), clock.instant());
  }
}
