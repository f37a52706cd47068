package org.syncpost.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.syncpost.audit.entity.Tracked;
import org.syncpost.validation.entity.Violation;

/**
 * The organisation's email settings: one row (id {@value #THE_ONLY_ID}), created by the first
 * migration with the documented defaults.
 */
@Entity
@Table(name = "organisation_settings")
public class OrganisationSettings extends Tracked {

  public static final long THE_ONLY_ID = 1L;

  @Id private Long id;

  /**
   * The profile new mailboxes get, by id: profiles sit above settings (ADR 0013), so the settings
   * name it without knowing its type; the column keeps its foreign key.
   */
  @Column(name = "default_profile_id")
  private Long defaultProfileId;

  @Enumerated(EnumType.STRING)
  @Column(name = "incoming_delivery_method", nullable = false, length = 20)
  private DeliveryMethod incomingDeliveryMethod;

  @Enumerated(EnumType.STRING)
  @Column(name = "outgoing_delivery_method", nullable = false, length = 20)
  private DeliveryMethod outgoingDeliveryMethod;

  @Enumerated(EnumType.STRING)
  @Column(name = "appointments_delivery_method", nullable = false, length = 20)
  private DeliveryMethod appointmentsDeliveryMethod;

  @Column(name = "require_approval_user_email", nullable = false)
  private boolean requireApprovalForUserEmail;

  @Column(name = "require_approval_queue_email", nullable = false)
  private boolean requireApprovalForQueueEmail;

  @Column(name = "allow_credentials_over_http", nullable = false)
  private boolean allowCredentialsEntryOverHttp;

  @Column(name = "allow_non_ssl_email", nullable = false)
  private boolean allowNonSslEmail;

  @Column(name = "correlation_enabled", nullable = false)
  private boolean correlationEnabled;

  @Column(name = "tracking_token_prefix", nullable = false, length = 20)
  private String trackingTokenPrefix;

  @Column(name = "max_attachment_size_kb", nullable = false)
  private int maxAttachmentSizeKb;

  @Column(name = "max_incoming_message_size_mb", nullable = false)
  private int maxIncomingMessageSizeMb;

  @Column(name = "transient_retry_count", nullable = false)
  private int transientRetryCount;

  @Column(name = "transient_retry_interval_minutes", nullable = false)
  private int transientRetryIntervalMinutes;

  @Column(name = "disabled_retest_minutes", nullable = false)
  private int disabledRetestMinutes = 30;

  @Column(name = "raise_information_alerts", nullable = false)
  private boolean raiseInformationAlerts;

  @Column(name = "raise_warning_alerts", nullable = false)
  private boolean raiseWarningAlerts;

  @Column(name = "raise_error_alerts", nullable = false)
  private boolean raiseErrorAlerts;

  /** The incoming filter of every mailbox whose user or queue has none of its own (issue 16). */
  @Enumerated(EnumType.STRING)
  @Column(name = "incoming_filter", nullable = false, length = 30)
  private IncomingFilter incomingFilter = IncomingFilter.ALL_EMAIL;

  /** Rules beyond single fields; whether the default profile exists, the profiles say. */
  public static List<Violation> violationsOf(EmailSettings settings) {
    List<Violation> found = new ArrayList<>();
    if (AppointmentsNotSupported.isRefused(settings.appointmentsDeliveryMethod())) {
      found.add(AppointmentsNotSupported.violation("appointmentsDeliveryMethod"));
    }
    return found;
  }

  /** Applies {@code settings}; its default profile must exist ({@link SettingsChanging}). */
  public void change(EmailSettings settings) {
    defaultProfileId = settings.defaultProfileId();
    incomingDeliveryMethod = settings.incomingDeliveryMethod();
    outgoingDeliveryMethod = settings.outgoingDeliveryMethod();
    appointmentsDeliveryMethod = settings.appointmentsDeliveryMethod();
    requireApprovalForUserEmail = settings.requireApprovalForUserEmail();
    requireApprovalForQueueEmail = settings.requireApprovalForQueueEmail();
    allowCredentialsEntryOverHttp = settings.allowCredentialsEntryOverHttp();
    allowNonSslEmail = settings.allowNonSslEmail();
    correlationEnabled = settings.correlationEnabled();
    trackingTokenPrefix = settings.trackingTokenPrefix();
    maxAttachmentSizeKb = settings.maxAttachmentSizeKb();
    maxIncomingMessageSizeMb = settings.maxIncomingMessageSizeMb();
    transientRetryCount = settings.transientRetryCount();
    transientRetryIntervalMinutes = settings.transientRetryIntervalMinutes();
    disabledRetestMinutes = settings.disabledRetestMinutes();
    raiseInformationAlerts = settings.raiseInformationAlerts();
    raiseWarningAlerts = settings.raiseWarningAlerts();
    raiseErrorAlerts = settings.raiseErrorAlerts();
    incomingFilter = settings.incomingFilter();
  }

  /** A profile that is going away stops being the default. */
  public void forgetDefaultProfile(long profileId) {
    if (defaultProfileId != null && defaultProfileId == profileId) {
      defaultProfileId = null;
    }
  }

  public EmailSettings asEmailSettings() {
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
        getIncomingFilter());
  }

  /** Whether a mailbox of a user (or of a queue) must be approved before it processes email. */
  public boolean requiresApproval(boolean forQueue) {
    return forQueue ? requireApprovalForQueueEmail : requireApprovalForUserEmail;
  }

  @Override
  public Long getId() {
    return id;
  }

  public Long getDefaultProfileId() {
    return defaultProfileId;
  }

  public DeliveryMethod getIncomingDeliveryMethod() {
    return incomingDeliveryMethod;
  }

  public DeliveryMethod getOutgoingDeliveryMethod() {
    return outgoingDeliveryMethod;
  }

  public DeliveryMethod getAppointmentsDeliveryMethod() {
    return appointmentsDeliveryMethod;
  }

  public boolean isAllowCredentialsEntryOverHttp() {
    return allowCredentialsEntryOverHttp;
  }

  public boolean isAllowNonSslEmail() {
    return allowNonSslEmail;
  }

  public boolean isRaiseInformationAlerts() {
    return raiseInformationAlerts;
  }

  public boolean isRaiseWarningAlerts() {
    return raiseWarningAlerts;
  }

  public IncomingFilter getIncomingFilter() {
    return incomingFilter == null ? IncomingFilter.ALL_EMAIL : incomingFilter;
  }

  public boolean isRaiseErrorAlerts() {
    return raiseErrorAlerts;
  }
}
