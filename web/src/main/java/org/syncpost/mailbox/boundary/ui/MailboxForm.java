package org.syncpost.mailbox.boundary.ui;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailbox.entity.ActionAfterProcessing;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.MailboxSettings;
import org.syncpost.mailbox.entity.PushSetting;
import org.syncpost.settings.entity.DeliveryMethod;

/** A mailbox's settings as its form edits them; the password is write-only. */
public class MailboxForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name;
  private String email;
  private Long profileId;
  private DeliveryMethod incomingDeliveryMethod;
  private DeliveryMethod outgoingDeliveryMethod;
  private DeliveryMethod appointmentsDeliveryMethod;
  private String username;
  private transient String password;
  private boolean allowCredentialUse;

  /** In UTC, as the page says. */
  private LocalDateTime processEmailReceivedAfter;

  private ActionAfterProcessing actionAfterProcessing;
  private String moveToFolder;
  private String folders;
  private boolean copyToSentFolder;
  private String sentFolder;
  private PushSetting pushIncomingEmail = PushSetting.AS_PROFILE;

  static MailboxForm of(Mailbox m) {
    MailboxForm form = new MailboxForm();
    form.name = m.getName();
    form.email = m.getEmail();
    form.profileId = m.getProfile() == null ? null : m.getProfile().getId();
    form.incomingDeliveryMethod = m.getDelivery().getIncoming();
    form.outgoingDeliveryMethod = m.getDelivery().getOutgoing();
    form.appointmentsDeliveryMethod = m.getDelivery().getAppointments();
    form.username = m.getCredentials().getUsername();
    form.allowCredentialUse = m.getCredentials().isAllowUse();
    form.processEmailReceivedAfter =
        m.getHandling().getProcessEmailReceivedAfter() == null
            ? null
            : LocalDateTime.ofInstant(
                m.getHandling().getProcessEmailReceivedAfter(), ZoneOffset.UTC);
    form.actionAfterProcessing = m.getHandling().getActionAfterProcessing();
    form.moveToFolder = m.getHandling().getMoveToFolder();
    form.folders = m.getHandling().getFolders();
    form.copyToSentFolder = m.getHandling().isCopyToSentFolder();
    form.pushIncomingEmail = m.getPush().getSetting();
    form.sentFolder = m.getHandling().getSentFolder();
    return form;
  }

  /** An empty password keeps the stored one; none at all travels when it may not be sent. */
  MailboxSettings settings(boolean passwordAccepted) {
    Instant after =
        processEmailReceivedAfter == null
            ? null
            : processEmailReceivedAfter.toInstant(ZoneOffset.UTC);
    return new MailboxSettings(
        name,
        email,
        profileId,
        incomingDeliveryMethod,
        outgoingDeliveryMethod,
        appointmentsDeliveryMethod,
        username,
        passwordAccepted && password != null && !password.isEmpty() ? Secret.of(password) : null,
        allowCredentialUse,
        after,
        actionAfterProcessing,
        moveToFolder == null || moveToFolder.isBlank() ? null : moveToFolder,
        folders,
        copyToSentFolder,
        sentFolder,
        pushIncomingEmail);
  }

  void forgetPassword() {
    password = null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public Long getProfileId() {
    return profileId;
  }

  public void setProfileId(Long profileId) {
    this.profileId = profileId;
  }

  public DeliveryMethod getIncomingDeliveryMethod() {
    return incomingDeliveryMethod;
  }

  public void setIncomingDeliveryMethod(DeliveryMethod incomingDeliveryMethod) {
    this.incomingDeliveryMethod = incomingDeliveryMethod;
  }

  public DeliveryMethod getOutgoingDeliveryMethod() {
    return outgoingDeliveryMethod;
  }

  public void setOutgoingDeliveryMethod(DeliveryMethod outgoingDeliveryMethod) {
    this.outgoingDeliveryMethod = outgoingDeliveryMethod;
  }

  public DeliveryMethod getAppointmentsDeliveryMethod() {
    return appointmentsDeliveryMethod;
  }

  public void setAppointmentsDeliveryMethod(DeliveryMethod appointmentsDeliveryMethod) {
    this.appointmentsDeliveryMethod = appointmentsDeliveryMethod;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  /** Write-only: the page never shows a password, typed or stored. */
  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isAllowCredentialUse() {
    return allowCredentialUse;
  }

  public void setAllowCredentialUse(boolean allowCredentialUse) {
    this.allowCredentialUse = allowCredentialUse;
  }

  public LocalDateTime getProcessEmailReceivedAfter() {
    return processEmailReceivedAfter;
  }

  public void setProcessEmailReceivedAfter(LocalDateTime processEmailReceivedAfter) {
    this.processEmailReceivedAfter = processEmailReceivedAfter;
  }

  public ActionAfterProcessing getActionAfterProcessing() {
    return actionAfterProcessing;
  }

  public void setActionAfterProcessing(ActionAfterProcessing actionAfterProcessing) {
    this.actionAfterProcessing = actionAfterProcessing;
  }

  public String getMoveToFolder() {
    return moveToFolder;
  }

  public void setMoveToFolder(String moveToFolder) {
    this.moveToFolder = moveToFolder;
  }

  public PushSetting getPushIncomingEmail() {
    return pushIncomingEmail;
  }

  public void setPushIncomingEmail(PushSetting pushIncomingEmail) {
    this.pushIncomingEmail = pushIncomingEmail;
  }

  public String getFolders() {
    return folders;
  }

  public void setFolders(String folders) {
    this.folders = folders;
  }

  public boolean isCopyToSentFolder() {
    return copyToSentFolder;
  }

  public void setCopyToSentFolder(boolean copyToSentFolder) {
    this.copyToSentFolder = copyToSentFolder;
  }

  public String getSentFolder() {
    return sentFolder;
  }

  public void setSentFolder(String sentFolder) {
    this.sentFolder = sentFolder;
  }
}
