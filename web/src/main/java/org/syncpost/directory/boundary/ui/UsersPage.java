package org.syncpost.directory.boundary.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.syncpost.access.entity.Role;
import org.syncpost.directory.boundary.Users;
import org.syncpost.directory.entity.Removal;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.paging.boundary.ui.PagedRows;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.settings.entity.IncomingFilter;
import org.syncpost.validation.boundary.ui.FacesFeedback;

/**
 * The users of the directory page, each with a link to the mailbox it owns (created with the
 * organisation's defaults when the user is created), and the user dialog.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Users users;
  @Inject transient Settings settings;
  @Inject transient FacesFeedback feedback;

  private final PagedRows<User> userRows =
      new PagedRows<>(this::loadUsers, this::countUsers, User::getId);
  private final Map<Long, Long> mailboxIds = new HashMap<>();

  private Long editingUserId;
  private Long editingUserVersion;
  private String userName;
  private String userEmail;
  // mutable: Faces makes its own copy of the submitted roles by the value's class
  private List<String> userRoles = new ArrayList<>(List.of(Role.MAILBOX_OWNER_NAME));
  private transient String userPassword;
  // null: the organisation's default
  private IncomingFilter userFilter;

  // the mailbox links of a page: one query per page shown, not one per row
  private List<User> loadUsers(int offset, int limit) {
    List<User> page =
        feedback.attempt(
            DirectoryTables.FORM,
            () -> users.search(DirectoryTables.filter(userRows), offset, limit));
    if (page == null) {
      return List.of();
    }
    users.mailboxIds(page).forEach((userId, mailboxId) -> mailboxIds.put(userId, mailboxId));
    return page;
  }

  private long countUsers() {
    Long total =
        feedback.attempt(
            DirectoryTables.FORM, () -> users.countMatching(DirectoryTables.filter(userRows)));
    return total == null ? 0 : total;
  }

  /** The user dialog opens empty, for a new user. */
  public void newUser() {
    editingUserId = null;
    editingUserVersion = null;
    userName = null;
    userEmail = null;
    userRoles = new ArrayList<>(List.of(Role.MAILBOX_OWNER_NAME));
    userPassword = null;
    userFilter = null;
  }

  /** The user dialog opens with {@code user}'s details; the password stays unless one is typed. */
  public void editUser(User user) {
    editingUserId = user.getId();
    editingUserVersion = user.getVersion();
    userName = user.getName();
    userEmail = user.getEmail();
    userRoles = new ArrayList<>(user.getRoles().stream().map(Role::externalName).toList());
    userPassword = null;
    userFilter = user.getIncomingFilter();
  }

  public IncomingFilter getUserFilter() {
    return userFilter;
  }

  public void setUserFilter(IncomingFilter userFilter) {
    this.userFilter = userFilter;
  }

  public List<IncomingFilter> getFilters() {
    return List.of(IncomingFilter.values());
  }

  public void saveUser() {
    saveUserAsTyped();
    DirectoryTables.closeWhenSaved("newUser", "directory:tabs:users");
  }

  private void saveUserAsTyped() {
    if (editingUserId == null) {
      createUser();
      return;
    }
    String password = typedPassword();
    User saved =
        feedback.attempt(
            DirectoryTables.FORM,
            () ->
                users.update(
                    editingUserId,
                    new UserDetails(userName, userEmail, roles(), userFilter),
                    password,
                    editingUserVersion));
    if (saved != null) {
      feedback.info("User '" + saved.getName() + "' saved; their mailbox has the same address.");
      newUser();
    }
  }

  /** Deleted with the mailbox, or deactivated when email records belong to the mailbox. */
  public void deleteUser(User user) {
    Removal removal = feedback.attempt(DirectoryTables.FORM, () -> users.delete(user.getId()));
    if (removal != null) {
      feedback.info(DirectoryTables.removed("User", user.getName(), removal));
    }
  }

  private Set<Role> roles() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (userRoles != null) {
      userRoles.forEach(name -> Role.fromExternalName(name).ifPresent(roles::add));
    }
    return roles;
  }

  /** The password typed into the dialog, once: over HTTPS (or when allowed), else none. */
  private String typedPassword() {
    String password =
        isCredentialsEntryAllowed() && userPassword != null && !userPassword.isEmpty()
            ? userPassword
            : null;
    userPassword = null;
    return password;
  }

  public void createUser() {
    Set<Role> roles = roles();
    String password = typedPassword();
    User created =
        feedback.attempt(
            DirectoryTables.FORM,
            () -> users.create(new UserDetails(userName, userEmail, roles, userFilter), password));
    if (created != null) {
      feedback.info("User '" + created.getName() + "' created, with a mailbox.");
      userName = null;
      userEmail = null;
    }
  }

  /** As on the profile form: passwords only over HTTPS unless the organisation allows HTTP. */
  public boolean isCredentialsEntryAllowed() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return request.isSecure() || settings.allowsCredentialsOverHttp();
  }

  public Long mailboxOfUser(User user) {
    return mailboxIds.get(user.getId());
  }

  public List<String> getRoles() {
    return Arrays.stream(Role.values()).map(Role::externalName).toList();
  }

  public PagedRows<User> getUserRows() {
    return userRows;
  }

  public Long getEditingUserId() {
    return editingUserId;
  }

  public String getUserName() {
    return userName;
  }

  public void setUserName(String userName) {
    this.userName = userName;
  }

  public String getUserEmail() {
    return userEmail;
  }

  public void setUserEmail(String userEmail) {
    this.userEmail = userEmail;
  }

  public List<String> getUserRoles() {
    return userRoles;
  }

  public void setUserRoles(List<String> userRoles) {
    this.userRoles = userRoles;
  }

  /** Write-only. */
  public String getUserPassword() {
    return null;
  }

  public void setUserPassword(String userPassword) {
    this.userPassword = userPassword;
  }
}
