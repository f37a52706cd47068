package org.syncpost.incoming.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Locale;
import org.syncpost.audit.entity.Tracked;

/**
 * An address the organisation knows without having exchanged mail with it yet, imported e.g. from a
 * CRM: the incoming filter {@code KNOWN_CORRESPONDENTS} takes its mail (issue 16).
 */
@Entity
@Table(name = "known_correspondent")
public class KnownCorrespondent extends Tracked {

  public static final int MAX_ADDRESS = 320;
  public static final int MAX_SOURCE = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "known_correspondent_seq")
  @SequenceGenerator(
      name = "known_correspondent_seq",
      sequenceName = "known_correspondent_seq",
      allocationSize = 50)
  private Long id;

  /** Bare and lower case, as the incoming filter compares senders. */
  @Column(nullable = false, length = MAX_ADDRESS, unique = true)
  private String address;

  @Column(length = MAX_SOURCE)
  private String source;

  protected KnownCorrespondent() {}

  /**
   * @param address a bare address ({@code a@b}), kept in lower case
   * @param source where it came from (e.g. {@code "CRM"}), or {@code null}
   */
  public KnownCorrespondent(String address, String source) {
    this.address = address.strip().toLowerCase(Locale.ROOT);
    this.source = source == null || source.isBlank() ? null : source.strip();
  }

  @Override
  public Long getId() {
    return id;
  }

  public String getAddress() {
    return address;
  }

  public String getSource() {
    return source;
  }
}
