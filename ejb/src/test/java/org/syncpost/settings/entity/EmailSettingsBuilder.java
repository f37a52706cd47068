package org.syncpost.settings.entity;

/**
 * Test fixture: the organisation's email settings with the documented defaults (SPEC §1), changed
 * one component at a time; the one place tests build {@link EmailSettings} or {@link
 * OrganisationSettings} by hand.
 */
public final class EmailSettingsBuilder {

  private Long defaultProfileId;
  private DeliveryMethod incomingDeliveryMethod = DeliveryMethod.SERVER_SIDE_SYNC;
  private DeliveryMethod outgoingDeliveryMethod = DeliveryMethod.SERVER_SIDE_SYNC;
  private DeliveryMethod appointmentsDeliveryMethod = DeliveryMethod.NONE;
  private boolean requireApprovalForUserEmail = true;
  private boolean requireApprovalForQueueEmail = true;
  private boolean allowCredentialsEntryOverHttp;
  private boolean allowNonSslEmail;
  private boolean correlationEnabled = true;
  private String trackingTokenPrefix = "SP";
  private int maxAttachmentSizeKb = 5_120;
  private int maxIncomingMessageSizeMb = 150;
  private int transientRetryCount = 10;
  private int transientRetryIntervalMinutes = 5;
  private int disabledRetestMinutes = 30;
  private boolean raiseInformationAlerts = true;
  private boolean raiseWarningAlerts = true;
  private boolean raiseErrorAlerts = true;
  private IncomingFilter incomingFilter = IncomingFilter.ALL_EMAIL;

  private EmailSettingsBuilder() {}

  /** The documented defaults. */
  public static EmailSettingsBuilder defaults() {
    return new EmailSettingsBuilder();
  }

  /** The settings {@code settings} hold, to change some of them. */
  public static EmailSettingsBuilder from(EmailSettings settings) {
    EmailSettingsBuilder b = new EmailSettingsBuilder();
    b.defaultProfileId = settings.defaultProfileId();
    b.incomingDeliveryMethod = settings.incomingDeliveryMethod();
    b.outgoingDeliveryMethod = settings.outgoingDeliveryMethod();
    b.appointmentsDeliveryMethod = settings.appointmentsDeliveryMethod();
    b.requireApprovalForUserEmail = settings.requireApprovalForUserEmail();
    b.requireApprovalForQueueEmail = settings.requireApprovalForQueueEmail();
    b.allowCredentialsEntryOverHttp = settings.allowCredentialsEntryOverHttp();
    b.allowNonSslEmail = settings.allowNonSslEmail();
    b.correlationEnabled = settings.correlationEnabled();
    b.trackingTokenPrefix = settings.trackingTokenPrefix();
    b.maxAttachmentSizeKb = settings.maxAttachmentSizeKb();
    b.maxIncomingMessageSizeMb = settings.maxIncomingMessageSizeMb();
    b.transientRetryCount = settings.transientRetryCount();
    b.transientRetryIntervalMinutes = settings.transientRetryIntervalMinutes();
    b.disabledRetestMinutes = settings.disabledRetestMinutes();
    b.raiseInformationAlerts = settings.raiseInformationAlerts();
    b.raiseWarningAlerts = settings.raiseWarningAlerts();
    b.raiseErrorAlerts = settings.raiseErrorAlerts();
    b.incomingFilter = settings.incomingFilter();
    return b;
  }

  public EmailSettingsBuilder outgoingDeliveryMethod(DeliveryMethod value) {
    outgoingDeliveryMethod = value;
    return this;
  }

  public EmailSettingsBuilder appointmentsDeliveryMethod(DeliveryMethod value) {
    appointmentsDeliveryMethod = value;
    return this;
  }

  /** Whether user mailboxes and queue mailboxes need an approved address. */
  public EmailSettingsBuilder requireApproval(boolean forUsers, boolean forQueues) {
    requireApprovalForUserEmail = forUsers;
    requireApprovalForQueueEmail = forQueues;
    return this;
  }

  public EmailSettingsBuilder allowCredentialsEntryOverHttp(boolean value) {
    allowCredentialsEntryOverHttp = value;
    return this;
  }

  public EmailSettingsBuilder allowNonSslEmail(boolean value) {
    allowNonSslEmail = value;
    return this;
  }

  public EmailSettingsBuilder trackingTokenPrefix(String value) {
    trackingTokenPrefix = value;
    return this;
  }

  public EmailSettingsBuilder maxIncomingMessageSizeMb(int value) {
    maxIncomingMessageSizeMb = value;
    return this;
  }

  /** The transient-error retry policy: how many retries, how far apart. */
  public EmailSettingsBuilder retries(int count, int intervalMinutes) {
    transientRetryCount = count;
    transientRetryIntervalMinutes = intervalMinutes;
    return this;
  }

  /** Which alert levels are raised. */
  public EmailSettingsBuilder raiseAlerts(boolean information, boolean warnings, boolean errors) {
    raiseInformationAlerts = information;
    raiseWarningAlerts = warnings;
    raiseErrorAlerts = errors;
    return this;
  }

  public EmailSettingsBuilder incomingFilter(IncomingFilter value) {
    incomingFilter = value;
    return this;
  }

  public EmailSettings build() {
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

  /** The default profile's id ({@code null}: none). */
  public EmailSettingsBuilder defaultProfileId(Long value) {
    defaultProfileId = value;
    return this;
  }

  /** The organisation's settings row with these settings. */
  public OrganisationSettings organisation() {
    OrganisationSettings organisation = new OrganisationSettings();
    organisation.change(build());
    return organisation;
  }
}
