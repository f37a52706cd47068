package org.syncpost.directory.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.Set;
import org.syncpost.access.entity.Role;
import org.syncpost.audit.entity.Tracked;
import org.syncpost.settings.entity.IncomingFilter;

/** A person who signs in to SyncPost and owns a mailbox. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = User.BY_NAME, query = "select u from User u where u.name = :name")
@NamedQuery(name = User.COUNT, query = "select count(u) from User u")
public class User extends Tracked {

  public static final String BY_NAME = "User.byName";
  public static final String COUNT = "User.count";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
  @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, length = 100, unique = true)
  private String name;

  @Column(nullable = false, length = 320)
  private String email;

  /**
   * A salted, iterated hash in the format of Jakarta Security's password hash; never the password.
   */
  @Column(name = "password_hash", length = 500)
  private String passwordHash;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role", length = 20, nullable = false)
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  /** Its mailbox's own filtering method, or {@code null} for the organisation's default. */
  @Enumerated(EnumType.STRING)
  @Column(name = "incoming_filter", length = 30)
  private IncomingFilter incomingFilter;

  /** False once deleted while records still needed its mailbox: it signs in no more. */
  @Column(nullable = false)
  private boolean active = true;

  protected User() {}

  public User(UserDetails details) {
    rename(details);
  }

  public void rename(UserDetails details) {
    this.name = details.name();
    this.email = details.email();
    this.roles =
        details.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(details.roles());
    this.incomingFilter = details.incomingFilter();
  }

  public void changePasswordHash(String hash) {
    this.passwordHash = hash;
  }

  /** Kept for the records of its mailbox, but it can no longer sign in. */
  public void deactivate() {
    active = false;
    passwordHash = null;
  }

  public boolean isActive() {
    return active;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  @Override
  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public Set<Role> getRoles() {
    return Set.copyOf(roles);
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  /** Its own filtering method, or {@code null} when it follows the organisation's default. */
  public IncomingFilter getIncomingFilter() {
    return incomingFilter;
  }

  public boolean isPasswordSet() {
    return passwordHash != null;
  }
}
