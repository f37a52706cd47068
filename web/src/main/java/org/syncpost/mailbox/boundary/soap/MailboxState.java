package org.syncpost.mailbox.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;
import org.syncpost.mailbox.entity.ApprovalStatus;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.TestStatus;

/**
 * A mailbox's status and sync health, with the names of the REST JSON contract (settings and
 * credentials are not part of the SOAP API).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    name = "mailbox",
    propOrder = {
      "id",
      "version",
      "name",
      "email",
      "profileId",
      "approvalStatus",
      "approvalDecidedBy",
      "approvalDecidedOn",
      "enabledForIncoming",
      "enabledForOutgoing",
      "incomingStatus",
      "outgoingStatus",
      "testCompletedOn",
      "testAttemptedBy",
      "testAttemptedOn",
      "nextIncomingPollAt",
      "lastSyncStartedOn",
      "lastSyncSucceededOn",
      "itemsProcessedLastCycle",
      "itemsFailedLastCycle",
      "lastErrorCode",
      "lastErrorText",
      "consecutiveErrors",
      "active"
    })
public class MailboxState {

  public long id;
  public long version;
  public String name;
  public String email;
  public Long profileId;
  public ApprovalStatus approvalStatus;
  public String approvalDecidedBy;
  public Instant approvalDecidedOn;
  public boolean enabledForIncoming;
  public boolean enabledForOutgoing;
  public TestStatus incomingStatus;
  public TestStatus outgoingStatus;
  public Instant testCompletedOn;
  public String testAttemptedBy;
  public Instant testAttemptedOn;
  public Instant nextIncomingPollAt;
  public Instant lastSyncStartedOn;
  public Instant lastSyncSucceededOn;
  public int itemsProcessedLastCycle;
  public int itemsFailedLastCycle;
  public String lastErrorCode;
  public String lastErrorText;
  public int consecutiveErrors;
  public boolean active;

  static MailboxState of(Mailbox m) {
    MailboxState state = new MailboxState();
    state.id = m.getId();
    state.version = m.getVersion();
    state.name = m.getName();
    state.email = m.getEmail();
    state.profileId = m.getProfile() == null ? null : m.getProfile().getId();
    state.approvalStatus = m.getApproval().getStatus();
    state.approvalDecidedBy = m.getApproval().getDecidedBy();
    state.approvalDecidedOn = m.getApproval().getDecidedOn();
    state.enabledForIncoming = m.getIncoming().isEnabled();
    state.enabledForOutgoing = m.getOutgoing().isEnabled();
    state.incomingStatus = m.getIncoming().getStatus();
    state.outgoingStatus = m.getOutgoing().getStatus();
    state.testCompletedOn = m.getTestAttempt().getCompletedOn();
    state.testAttemptedBy = m.getTestAttempt().getAttemptedBy();
    state.testAttemptedOn = m.getTestAttempt().getAttemptedOn();
    state.nextIncomingPollAt = m.getHealth().getNextPollAt();
    state.lastSyncStartedOn = m.getHealth().getLastSyncStartedOn();
    state.lastSyncSucceededOn = m.getHealth().getLastSyncSucceededOn();
    state.itemsProcessedLastCycle = m.getHealth().getItemsProcessedLastCycle();
    state.itemsFailedLastCycle = m.getHealth().getItemsFailedLastCycle();
    state.lastErrorCode = m.getLastError().getCode();
    state.lastErrorText = m.getLastError().getText();
    state.consecutiveErrors = m.getLastError().getConsecutive();
    state.active = m.isActive();
    return state;
  }
}
