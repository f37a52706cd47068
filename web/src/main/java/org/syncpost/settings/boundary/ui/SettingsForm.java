package org.syncpost.settings.boundary.ui;

import java.io.Serializable;
import org.syncpost.settings.entity.DeliveryMethod;
import org.syncpost.settings.entity.EmailSettings;
import org.syncpost.settings.entity.IncomingFilter;

/** The organisation's email settings as the settings page edits them. */
public class SettingsForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long defaultProfileId;
  private DeliveryMethod incomingDeliveryMethod;
  private DeliveryMethod outgoingDeliveryMethod;
  private DeliveryMethod appointmentsDeliveryMethod;
  private Boolean requireApprovalForUserEmail;
  private Boolean requireApprovalForQueueEmail;
  private Boolean allowCredentialsEntryOverHttp;
  private Boolean allowNonSslEmail;
  private Boolean correlationEnabled;
  private String trackingTokenPrefix;
  private Integer maxAttachmentSizeKb;
  private Integer maxIncomingMessageSizeMb;
  private Integer transientRetryCount;
  private Integer transientRetryIntervalMinutes;
  private Integer disabledRetestMinutes;
  private Boolean raiseInformationAlerts;
  private Boolean raiseWarningAlerts;
  private Boolean raiseErrorAlerts;
  private IncomingFilter incomingFilter;

  static SettingsForm of(EmailSettings current) {
    SettingsForm form = new SettingsForm();
    form.defaultProfileId = current.defaultProfileId();
    form.incomingDeliveryMethod = current.incomingDeliveryMethod();
    form.outgoingDeliveryMethod = current.outgoingDeliveryMethod();
    form.appointmentsDeliveryMethod = current.appointmentsDeliveryMethod();
    form.requireApprovalForUserEmail = current.requireApprovalForUserEmail();
    form.requireApprovalForQueueEmail = current.requireApprovalForQueueEmail();
    form.allowCredentialsEntryOverHttp = current.allowCredentialsEntryOverHttp();
    form.allowNonSslEmail = current.allowNonSslEmail();
    form.correlationEnabled = current.correlationEnabled();
    form.trackingTokenPrefix = current.trackingTokenPrefix();
    form.maxAttachmentSizeKb = current.maxAttachmentSizeKb();
    form.maxIncomingMessageSizeMb = current.maxIncomingMessageSizeMb();
    form.transientRetryCount = current.transientRetryCount();
    form.transientRetryIntervalMinutes = current.transientRetryIntervalMinutes();
    form.disabledRetestMinutes = current.disabledRetestMinutes();
    form.raiseInformationAlerts = current.raiseInformationAlerts();
    form.raiseWarningAlerts = current.raiseWarningAlerts();
    form.raiseErrorAlerts = current.raiseErrorAlerts();
    form.incomingFilter = current.incomingFilter();
    return form;
  }

  EmailSettings settings() {
    return new EmailSettings(
        defaultProfileId,
        incomingDeliveryMethod,
        outgoingDeliveryMethod,
        appointmentsDeliveryMethod,
        requireApprovalForUserEmail,
        requireApprovalForQueueEmail,
        allowCredentialsEntryOverHttp,
        allowNonSslEmail,
        correlationEnabled,
        trackingTokenPrefix,
        maxAttachmentSizeKb,
        maxIncomingMessageSizeMb,
        transientRetryCount,
        transientRetryIntervalMinutes,
        disabledRetestMinutes,
        raiseInformationAlerts,
        raiseWarningAlerts,
        raiseErrorAlerts,
        incomingFilter);
  }

  public java.util.List<IncomingFilter> getFilters() {
    return java.util.List.of(IncomingFilter.values());
  }

  public IncomingFilter getIncomingFilter() {
    return incomingFilter;
  }

  public void setIncomingFilter(IncomingFilter incomingFilter) {
    this.incomingFilter = incomingFilter;
  }

  public Long getDefaultProfileId() {
    return defaultProfileId;
  }

  public void setDefaultProfileId(Long defaultProfileId) {
    this.defaultProfileId = defaultProfileId;
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

  public Boolean getRequireApprovalForUserEmail() {
    return requireApprovalForUserEmail;
  }

  public void setRequireApprovalForUserEmail(Boolean requireApprovalForUserEmail) {
    this.requireApprovalForUserEmail = requireApprovalForUserEmail;
  }

  public Boolean getRequireApprovalForQueueEmail() {
    return requireApprovalForQueueEmail;
  }

  public void setRequireApprovalForQueueEmail(Boolean requireApprovalForQueueEmail) {
    this.requireApprovalForQueueEmail = requireApprovalForQueueEmail;
  }

  public Boolean getAllowCredentialsEntryOverHttp() {
    return allowCredentialsEntryOverHttp;
  }

  public void setAllowCredentialsEntryOverHttp(Boolean allowCredentialsEntryOverHttp) {
    this.allowCredentialsEntryOverHttp = allowCredentialsEntryOverHttp;
  }

  public Boolean getAllowNonSslEmail() {
    return allowNonSslEmail;
  }

  public void setAllowNonSslEmail(Boolean allowNonSslEmail) {
    this.allowNonSslEmail = allowNonSslEmail;
  }

  public Boolean getCorrelationEnabled() {
    return correlationEnabled;
  }

  public void setCorrelationEnabled(Boolean correlationEnabled) {
    this.correlationEnabled = correlationEnabled;
  }

  public String getTrackingTokenPrefix() {
    return trackingTokenPrefix;
  }

  public void setTrackingTokenPrefix(String trackingTokenPrefix) {
    this.trackingTokenPrefix = trackingTokenPrefix;
  }

  public Integer getMaxAttachmentSizeKb() {
    return maxAttachmentSizeKb;
  }

  public void setMaxAttachmentSizeKb(Integer maxAttachmentSizeKb) {
    this.maxAttachmentSizeKb = maxAttachmentSizeKb;
  }

  public Integer getMaxIncomingMessageSizeMb() {
    return maxIncomingMessageSizeMb;
  }

  public void setMaxIncomingMessageSizeMb(Integer maxIncomingMessageSizeMb) {
    this.maxIncomingMessageSizeMb = maxIncomingMessageSizeMb;
  }

  public Integer getTransientRetryCount() {
    return transientRetryCount;
  }

  public void setTransientRetryCount(Integer transientRetryCount) {
    this.transientRetryCount = transientRetryCount;
  }

  public Integer getTransientRetryIntervalMinutes() {
    return transientRetryIntervalMinutes;
  }

  public void setTransientRetryIntervalMinutes(Integer transientRetryIntervalMinutes) {
    this.transientRetryIntervalMinutes = transientRetryIntervalMinutes;
  }

  public Integer getDisabledRetestMinutes() {
    return disabledRetestMinutes;
  }

  public void setDisabledRetestMinutes(Integer disabledRetestMinutes) {
    this.disabledRetestMinutes = disabledRetestMinutes;
  }

  public Boolean getRaiseInformationAlerts() {
    return raiseInformationAlerts;
  }

  public void setRaiseInformationAlerts(Boolean raiseInformationAlerts) {
    this.raiseInformationAlerts = raiseInformationAlerts;
  }

  public Boolean getRaiseWarningAlerts() {
    return raiseWarningAlerts;
  }

  public void setRaiseWarningAlerts(Boolean raiseWarningAlerts) {
    this.raiseWarningAlerts = raiseWarningAlerts;
  }

  public Boolean getRaiseErrorAlerts() {
    return raiseErrorAlerts;
  }

  public void setRaiseErrorAlerts(Boolean raiseErrorAlerts) {
    this.raiseErrorAlerts = raiseErrorAlerts;
  }
}
