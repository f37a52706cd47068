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
import java.util.Optional;
import java.util.Set;
import org.primefaces.PrimeFaces;
import org.syncpost.access.entity.Role;
import org.syncpost.directory.boundary.Queues;
import org.syncpost.directory.boundary.Users;
import org.syncpost.directory.entity.DirectoryFilter;
import org.syncpost.directory.entity.DirectorySort;
import org.syncpost.directory.entity.IncomingFilter;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.QueueDetails;
import org.syncpost.directory.entity.Removal;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
import org.syncpost.paging.boundary.ui.PagedRows;
import org.syncpost.paging.boundary.ui.PagedRows.Columns;
import org.syncpost.settings.boundary.Settings;
import org.syncpost.validation.boundary.ui.FacesFeedback;

/**
 * Users and queues, each with a link to the mailbox it owns (created with the organisation's
 * defaults when the user or queue is created).
 */
@Named
@ViewScoped
public class DirectoryPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "directory";

  /** The queue dialog's fields, apart from the user dialog's (both have a name and an email). */
  static final String QUEUE_FIELDS = "directory:queue";

  private static final int OWNER_SUGGESTIONS = 20;
  private static final Map<String, DirectorySort> SORTS =
      Map.of("name", DirectorySort.NAME, "email", DirectorySort.EMAIL);

  @Inject transient Users users;
  @Inject transient Queues queues;
  @Inject transient Settings settings;
  @Inject transient FacesFeedback feedback;

  private final PagedRows<User> userRows =
      new PagedRows<>(this::loadUsers, this::countUsers, User::getId);
  private final PagedRows<Queue> queueRows =
      new PagedRows<>(this::loadQueues, this::countQueues, Queue::getId);
  private final Map<String, Long> mailboxIds = new HashMap<>();

  private Long editingUserId;
  private Long editingQueueId;
  private String userName;
  private String userEmail;
  // mutable: Faces makes its own copy of the submitted roles by the value's class
  private List<String> userRoles = new ArrayList<>(List.of(Role.MAILBOX_OWNER_NAME));
  private transient String userPassword;

  private String queueName;
  private String queueEmail;
  private String queueOwnerName;
  private IncomingFilter queueFilter = IncomingFilter.ALL_EMAIL;

  // the mailbox links of a page: one query per page shown, not one per row
  private List<User> loadUsers(int offset, int limit) {
    List<User> page = feedback.attempt(FORM, () -> users.search(filter(userRows), offset, limit));
    if (page == null) {
      return List.of();
    }
    users.mailboxIds(page).forEach((userId, mailboxId) -> mailboxIds.put("u" + userId, mailboxId));
    return page;
  }

  private long countUsers() {
    Long total = feedback.attempt(FORM, () -> users.countMatching(filter(userRows)));
    return total == null ? 0 : total;
  }

  private List<Queue> loadQueues(int offset, int limit) {
    List<Queue> page =
        feedback.attempt(FORM, () -> queues.search(filter(queueRows), offset, limit));
    if (page == null) {
      return List.of();
    }
    queues
        .mailboxIds(page)
        .forEach((queueId, mailboxId) -> mailboxIds.put("q" + queueId, mailboxId));
    return page;
  }

  private long countQueues() {
    Long total = feedback.attempt(FORM, () -> queues.countMatching(filter(queueRows)));
    return total == null ? 0 : total;
  }

  private static DirectoryFilter filter(PagedRows<?> rows) {
    Columns columns = rows.columns();
    return new DirectoryFilter(
        columns.search(),
        columns.text("name"),
        columns.text("email"),
        columns.sort(SORTS, DirectorySort.NAME),
        columns.descending());
  }

  /** Users whose name or address contains what was typed, for a queue's owner. */
  public List<String> completeOwner(String typed) {
    List<User> found =
        feedback.attempt(
            FORM,
            () ->
                users.search(
                    new DirectoryFilter(typed, null, null, DirectorySort.NAME, false),
                    0,
                    OWNER_SUGGESTIONS));
    return found == null ? List.of() : found.stream().map(User::getName).toList();
  }

  /** The user dialog opens empty, for a new user. */
  public void newUser() {
    editingUserId = null;
    userName = null;
    userEmail = null;
    userRoles = new ArrayList<>(List.of(Role.MAILBOX_OWNER_NAME));
    userPassword = null;
  }

  /** The user dialog opens with {@code user}'s details; the password stays unless one is typed. */
  public void editUser(User user) {
    editingUserId = user.getId();
    userName = user.getName();
    userEmail = user.getEmail();
    userRoles = new ArrayList<>(user.getRoles().stream().map(Role::externalName).toList());
    userPassword = null;
  }

  public void saveUser() {
    saveUserAsTyped();
    closeWhenSaved("newUser", "directory:tabs:users");
  }

  private void saveUserAsTyped() {
    if (editingUserId == null) {
      createUser();
      return;
    }
    String password = typedPassword();
    User saved =
        feedback.attempt(
            FORM,
            () ->
                users.update(
                    editingUserId, new UserDetails(userName, userEmail, roles()), password));
    if (saved != null) {
      feedback.info("User '" + saved.getName() + "' saved; their mailbox has the same address.");
      newUser();
    }
  }

  /** Deleted with the mailbox, or deactivated when email records belong to the mailbox. */
  public void deleteUser(User user) {
    Removal removal = feedback.attempt(FORM, () -> users.delete(user.getId()));
    if (removal != null) {
      feedback.info(removed("User", user.getName(), removal));
    }
  }

  public void newQueue() {
    editingQueueId = null;
    queueName = null;
    queueEmail = null;
    queueOwnerName = null;
    queueFilter = IncomingFilter.ALL_EMAIL;
  }

  public void editQueue(Queue queue) {
    editingQueueId = queue.getId();
    queueName = queue.getName();
    queueEmail = queue.getEmail();
    queueOwnerName = queue.getOwner() == null ? null : queue.getOwner().getName();
    queueFilter = queue.getIncomingFilter();
  }

  public void saveQueue() {
    saveQueueAsTyped();
    closeWhenSaved("newQueue", "directory:tabs:queues");
  }

  private void saveQueueAsTyped() {
    boolean ownerNamed = queueOwnerName != null && !queueOwnerName.isBlank();
    Long queueOwnerId = ownerNamed ? userIdOf(queueOwnerName.strip()) : null;
    if (ownerNamed && queueOwnerId == null) {
      return;
    }
    if (editingQueueId == null) {
      createQueue(queueOwnerId);
      return;
    }
    Queue saved =
        feedback.attempt(
            QUEUE_FIELDS,
            () ->
                queues.update(
                    editingQueueId,
                    new QueueDetails(queueName, queueEmail, queueOwnerId, queueFilter)));
    if (saved != null) {
      feedback.info("Queue '" + saved.getName() + "' saved; its mailbox has the same address.");
      newQueue();
    }
  }

  public void deleteQueue(Queue queue) {
    Removal removal = feedback.attempt(FORM, () -> queues.delete(queue.getId()));
    if (removal != null) {
      feedback.info(removed("Queue", queue.getName(), removal));
    }
  }

  /**
   * A saved dialog closes and the page shows the outcome under the tab it was opened from; a
   * refused one stays open, its errors inside it (re-rendering the form would hide it).
   */
  private static void closeWhenSaved(String dialog, String table) {
    if (!FacesContext.getCurrentInstance().isValidationFailed()) {
      PrimeFaces.current().executeScript("PF('" + dialog + "').hide()");
      PrimeFaces.current().ajax().update("directory:messages", table);
    }
  }

  private static String removed(String kind, String name, Removal removal) {
    return removal == Removal.DELETED
        ? kind + " '" + name + "' deleted, with its mailbox."
        : kind
            + " '"
            + name
            + "' deactivated, not deleted: email records belong to its mailbox, which now"
            + " neither receives nor sends.";
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
            FORM, () -> users.create(new UserDetails(userName, userEmail, roles), password));
    if (created != null) {
      feedback.info("User '" + created.getName() + "' created, with a mailbox.");
      userName = null;
      userEmail = null;
    }
  }

  /** The id of the user who signs in as {@code name}; null, with a message, when none does. */
  private Long userIdOf(String name) {
    Optional<User> owner = feedback.attempt(FORM, () -> users.named(name));
    if (owner != null && owner.isPresent()) {
      return owner.get().getId();
    }
    feedback.error(
        "No user signs in as '"
            + name
            + "': choose the owner from the suggestions, or leave it empty to own the queue"
            + " yourself.");
    FacesContext.getCurrentInstance().validationFailed();
    return null;
  }

  private void createQueue(Long queueOwnerId) {
    Queue created =
        feedback.attempt(
            QUEUE_FIELDS,
            () ->
                queues.create(new QueueDetails(queueName, queueEmail, queueOwnerId, queueFilter)));
    if (created != null) {
      feedback.info("Queue '" + created.getName() + "' created, with a mailbox.");
      queueName = null;
      queueEmail = null;
    }
  }

  /** As on the profile form: passwords only over HTTPS unless the organisation allows HTTP. */
  public boolean isCredentialsEntryAllowed() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return request.isSecure() || settings.allowsCredentialsOverHttp();
  }

  public Long mailboxOfUser(User user) {
    return mailboxIds.get("u" + user.getId());
  }

  public Long mailboxOfQueue(Queue queue) {
    return mailboxIds.get("q" + queue.getId());
  }

  public List<String> getRoles() {
    return Arrays.stream(Role.values()).map(Role::externalName).toList();
  }

  public List<IncomingFilter> getFilters() {
    return Arrays.asList(IncomingFilter.values());
  }

  public PagedRows<User> getUserRows() {
    return userRows;
  }

  public PagedRows<Queue> getQueueRows() {
    return queueRows;
  }

  public Long getEditingUserId() {
    return editingUserId;
  }

  public Long getEditingQueueId() {
    return editingQueueId;
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

  public String getQueueName() {
    return queueName;
  }

  public void setQueueName(String queueName) {
    this.queueName = queueName;
  }

  public String getQueueEmail() {
    return queueEmail;
  }

  public void setQueueEmail(String queueEmail) {
    this.queueEmail = queueEmail;
  }

  public String getQueueOwnerName() {
    return queueOwnerName;
  }

  public void setQueueOwnerName(String queueOwnerName) {
    this.queueOwnerName = queueOwnerName;
  }

  public IncomingFilter getQueueFilter() {
    return queueFilter;
  }

  public void setQueueFilter(IncomingFilter queueFilter) {
    this.queueFilter = queueFilter;
  }
}
