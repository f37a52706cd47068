package org.syncpost.directory.boundary.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.syncpost.directory.boundary.Queues;
import org.syncpost.directory.boundary.Users;
import org.syncpost.directory.entity.IncomingFilter;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.QueueDetails;
import org.syncpost.directory.entity.Removal;
import org.syncpost.directory.entity.Role;
import org.syncpost.directory.entity.User;
import org.syncpost.directory.entity.UserDetails;
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
  private static final int SHOWN = 5000;

  @Inject transient Users users;
  @Inject transient Queues queues;
  @Inject transient Settings settings;
  @Inject transient FacesFeedback feedback;

  private List<User> allUsers;
  private List<Queue> allQueues;
  private final Map<String, Long> mailboxIds = new HashMap<>();

  private Long editingUserId;
  private Long editingQueueId;
  private String userName;
  private String userEmail;
  private List<String> userRoles = List.of(Role.MAILBOX_OWNER_NAME);
  private transient String userPassword;

  private String queueName;
  private String queueEmail;
  private Long queueOwnerId;
  private IncomingFilter queueFilter = IncomingFilter.ALL_EMAIL;

  @PostConstruct
  void load() {
    allUsers = users.list(0, SHOWN);
    allQueues = queues.list(0, SHOWN);
    mailboxIds.clear();
    // one query per list, not one per row: the first click on a page with thousands of users
    // waited for thousands of queries
    users
        .mailboxIds(allUsers)
        .forEach((userId, mailboxId) -> mailboxIds.put("u" + userId, mailboxId));
    queues
        .mailboxIds(allQueues)
        .forEach((queueId, mailboxId) -> mailboxIds.put("q" + queueId, mailboxId));
  }

  /** The user dialog opens empty, for a new user. */
  public void newUser() {
    editingUserId = null;
    userName = null;
    userEmail = null;
    userRoles = List.of(Role.MAILBOX_OWNER_NAME);
    userPassword = null;
  }

  /** The user dialog opens with {@code user}'s details; the password stays unless one is typed. */
  public void editUser(User user) {
    editingUserId = user.getId();
    userName = user.getName();
    userEmail = user.getEmail();
    userRoles = user.getRoles().stream().map(Role::externalName).toList();
    userPassword = null;
  }

  public void saveUser() {
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
      load();
    }
  }

  /** Deleted with the mailbox, or deactivated when email records belong to the mailbox. */
  public void deleteUser(User user) {
    Removal removal = feedback.attempt(FORM, () -> users.delete(user.getId()));
    if (removal != null) {
      feedback.info(removed("User", user.getName(), removal));
      load();
    }
  }

  public void newQueue() {
    editingQueueId = null;
    queueName = null;
    queueEmail = null;
    queueOwnerId = null;
    queueFilter = IncomingFilter.ALL_EMAIL;
  }

  public void editQueue(Queue queue) {
    editingQueueId = queue.getId();
    queueName = queue.getName();
    queueEmail = queue.getEmail();
    queueOwnerId = queue.getOwner() == null ? null : queue.getOwner().getId();
    queueFilter = queue.getIncomingFilter();
  }

  public void saveQueue() {
    if (editingQueueId == null) {
      createQueue();
      return;
    }
    Queue saved =
        feedback.attempt(
            FORM,
            () ->
                queues.update(
                    editingQueueId,
                    new QueueDetails(queueName, queueEmail, queueOwnerId, queueFilter)));
    if (saved != null) {
      feedback.info("Queue '" + saved.getName() + "' saved; its mailbox has the same address.");
      newQueue();
      load();
    }
  }

  public void deleteQueue(Queue queue) {
    Removal removal = feedback.attempt(FORM, () -> queues.delete(queue.getId()));
    if (removal != null) {
      feedback.info(removed("Queue", queue.getName(), removal));
      load();
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
      load();
    }
  }

  public void createQueue() {
    Queue created =
        feedback.attempt(
            FORM,
            () ->
                queues.create(new QueueDetails(queueName, queueEmail, queueOwnerId, queueFilter)));
    if (created != null) {
      feedback.info("Queue '" + created.getName() + "' created, with a mailbox.");
      queueName = null;
      queueEmail = null;
      load();
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

  public List<User> getAllUsers() {
    return allUsers;
  }

  public List<Queue> getAllQueues() {
    return allQueues;
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

  public Long getQueueOwnerId() {
    return queueOwnerId;
  }

  public void setQueueOwnerId(Long queueOwnerId) {
    this.queueOwnerId = queueOwnerId;
  }

  public IncomingFilter getQueueFilter() {
    return queueFilter;
  }

  public void setQueueFilter(IncomingFilter queueFilter) {
    this.queueFilter = queueFilter;
  }
}
