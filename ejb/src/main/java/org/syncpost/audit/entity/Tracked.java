package org.syncpost.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import org.syncpost.audit.control.ChangeStamper;
import org.syncpost.validation.entity.StaleVersion;

/**
 * What every entity records about itself: when it was created and last changed, by whom, and an
 * optimistic-lock version so that two administrators editing at once cannot overwrite each other.
 */
@MappedSuperclass
@EntityListeners(ChangeStamper.class)
public abstract class Tracked {

  @Version private long version;

  @Column(name = "created_on", nullable = false, updatable = false)
  private Instant createdOn;

  @Column(name = "modified_on", nullable = false)
  private Instant modifiedOn;

  @Column(name = "modified_by", nullable = false, length = 100)
  private String modifiedBy;

  public abstract Long getId();

  public void stampCreated(String by, Instant at) {
    createdOn = at;
    stampModified(by, at);
  }

  public void stampModified(String by, Instant at) {
    modifiedOn = at;
    modifiedBy = by;
  }

  /**
   * Refuses a change made to an older version than the current one ({@code null}: the caller did
   * not say which version it read, and the change goes through as before).
   */
  public void requireVersion(Long expected, String what) {
    if (expected != null && expected != getVersion()) {
      throw new StaleVersion(what, expected, getVersion(), modifiedBy, modifiedOn);
    }
  }

  /**
   * The version clients read and send back with a change; the optimistic lock's by default. An
   * entity that the engine also writes in the background may count only what people change.
   */
  public long getVersion() {
    return version;
  }

  public Instant getCreatedOn() {
    return createdOn;
  }

  public Instant getModifiedOn() {
    return modifiedOn;
  }

  public String getModifiedBy() {
    return modifiedBy;
  }
}
