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
    state.approvalStatus = m.getApprovalStatus();
    state.approvalDecidedBy = m.getApprovalDecidedBy();
    state.approvalDecidedOn = m.getApprovalDecidedOn();
    state.enabledForIncoming = m.isEnabledForIncoming();
    state.enabledForOutgoing = m.isEnabledForOutgoing();
    state.incomingStatus = m.getIncomingStatus();
    state.outgoingStatus = m.getOutgoingStatus();
    state.testCompletedOn = m.getTestCompletedOn();
    state.testAttemptedBy = m.getTestAttemptedBy();
    state.testAttemptedOn = m.getTestAttemptedOn();
    state.nextIncomingPollAt = m.getNextIncomingPollAt();
    state.lastSyncStartedOn = m.getLastSyncStartedOn();
    state.lastSyncSucceededOn = m.getLastSyncSucceededOn();
    state.itemsProcessedLastCycle = m.getItemsProcessedLastCycle();
    state.itemsFailedLastCycle = m.getItemsFailedLastCycle();
    state.lastErrorCode = m.getLastErrorCode();
    state.lastErrorText = m.getLastErrorText();
    state.consecutiveErrors = m.getConsecutiveErrors();
    state.active = m.isActive();
    return state;
  }
}
