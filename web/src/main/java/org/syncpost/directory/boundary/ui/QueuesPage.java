package org.syncpost.directory.boundary.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.syncpost.directory.boundary.Queues;
import org.syncpost.directory.boundary.Users;
import org.syncpost.directory.entity.DirectoryFilter;
import org.syncpost.directory.entity.DirectorySort;
import org.syncpost.directory.entity.Queue;
import org.syncpost.directory.entity.QueueDetails;
import org.syncpost.directory.entity.Removal;
import org.syncpost.directory.entity.User;
import org.syncpost.paging.boundary.ui.PagedRows;
import org.syncpost.settings.entity.IncomingFilter;
import org.syncpost.validation.boundary.ui.FacesFeedback;

/**
 * The queues of the directory page, each with a link to the mailbox it owns (created with the
 * organisation's defaults when the queue is created), and the queue dialog with its owner chosen
 * among the users.
 */
@Named
@ViewScoped
public class QueuesPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int OWNER_SUGGESTIONS = 20;

  @Inject transient Users users;
  @Inject transient Queues queues;
  @Inject transient FacesFeedback feedback;

  private final PagedRows<Queue> queueRows =
      new PagedRows<>(this::loadQueues, this::countQueues, Queue::getId);
  // the mailbox links of a page: one query per page shown, not one per row
  private final Map<Long, Long> mailboxIds = new HashMap<>();

  private Long editingQueueId;
  private Long editingQueueVersion;
  private String queueName;
  private String queueEmail;
  private String queueOwnerName;
  // null: the organisation's default
  private IncomingFilter queueFilter;

  private List<Queue> loadQueues(int offset, int limit) {
    List<Queue> page =
        feedback.attempt(
            DirectoryTables.FORM,
            () -> queues.search(DirectoryTables.filter(queueRows), offset, limit));
    if (page == null) {
      return List.of();
    }
    queues.mailboxIds(page).forEach((queueId, mailboxId) -> mailboxIds.put(queueId, mailboxId));
    return page;
  }

  private long countQueues() {
    Long total =
        feedback.attempt(
            DirectoryTables.FORM, () -> queues.countMatching(DirectoryTables.filter(queueRows)));
    return total == null ? 0 : total;
  }

  /** Users whose name or address contains what was typed, for a queue's owner. */
  public List<String> completeOwner(String typed) {
    List<User> found =
        feedback.attempt(
            DirectoryTables.FORM,
            () ->
                users.search(
                    new DirectoryFilter(typed, null, null, DirectorySort.NAME, false),
                    0,
                    OWNER_SUGGESTIONS));
    return found == null ? List.of() : found.stream().map(User::getName).toList();
  }

  public void newQueue() {
    editingQueueId = null;
    editingQueueVersion = null;
    queueName = null;
    queueEmail = null;
    queueOwnerName = null;
    queueFilter = null;
  }

  public void editQueue(Queue queue) {
    editingQueueId = queue.getId();
    editingQueueVersion = queue.getVersion();
    queueName = queue.getName();
    queueEmail = queue.getEmail();
    queueOwnerName = queue.getOwner() == null ? null : queue.getOwner().getName();
    queueFilter = queue.getIncomingFilter();
  }

  public void saveQueue() {
    saveQueueAsTyped();
    DirectoryTables.closeWhenSaved("newQueue", "directory:tabs:queues");
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
            DirectoryTables.QUEUE_FIELDS,
            () ->
                queues.update(
                    editingQueueId,
                    new QueueDetails(queueName, queueEmail, queueOwnerId, queueFilter),
                    editingQueueVersion));
    if (saved != null) {
      feedback.info("Queue '" + saved.getName() + "' saved; its mailbox has the same address.");
      newQueue();
    }
  }

  public void deleteQueue(Queue queue) {
    Removal removal = feedback.attempt(DirectoryTables.FORM, () -> queues.delete(queue.getId()));
    if (removal != null) {
      feedback.info(DirectoryTables.removed("Queue", queue.getName(), removal));
    }
  }

  /** The id of the user who signs in as {@code name}; null, with a message, when none does. */
  private Long userIdOf(String name) {
    Optional<User> owner = feedback.attempt(DirectoryTables.FORM, () -> users.named(name));
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
            DirectoryTables.QUEUE_FIELDS,
            () ->
                queues.create(new QueueDetails(queueName, queueEmail, queueOwnerId, queueFilter)));
    if (created != null) {
      feedback.info("Queue '" + created.getName() + "' created, with a mailbox.");
      queueName = null;
      queueEmail = null;
    }
  }

  public Long mailboxOfQueue(Queue queue) {
    return mailboxIds.get(queue.getId());
  }

  public List<IncomingFilter> getFilters() {
    return Arrays.asList(IncomingFilter.values());
  }

  public PagedRows<Queue> getQueueRows() {
    return queueRows;
  }

  public Long getEditingQueueId() {
    return editingQueueId;
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
