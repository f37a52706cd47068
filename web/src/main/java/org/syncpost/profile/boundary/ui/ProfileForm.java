package org.syncpost.profile.boundary.ui;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.profile.entity.CredentialSource;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.Impersonation;
import org.syncpost.profile.entity.ImpersonationMethod;
import org.syncpost.profile.entity.MailboxIdentity;
import org.syncpost.profile.entity.ProfileSettings;
import org.syncpost.profile.entity.ServerType;

/**
 * The profile form's fields as the person edits them. Passwords are held only between submit and
 * save and never filled from the stored profile: they are write-only.
 */
public class ProfileForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name;
  private String description;
  private ServerType serverType = ServerType.IMAP_SMTP;
  private String incomingServer;
  private Integer incomingPort;
  private boolean incomingUseSsl = true;
  private String outgoingServer;
  private Integer outgoingPort;
  private boolean outgoingUseSsl = true;
  private CredentialSource incomingCredentialSource = CredentialSource.USER_OR_QUEUE;
  private CredentialSource outgoingCredentialSource = CredentialSource.USER_OR_QUEUE;
  private AuthProtocol incomingAuthProtocol = AuthProtocol.AUTO_DETECT;
  private AuthProtocol outgoingAuthProtocol = AuthProtocol.AUTO_DETECT;
  private String username;
  private transient String password;
  private String outgoingUsername;
  private transient String outgoingPassword;
  private boolean useSameSettingsForOutgoing = true;

  /** In UTC, as the page says. */
  private LocalDateTime processEmailFrom;

  private Integer minPollingIntervalMinutes = ProfileSettings.DEFAULT_MIN_POLLING_MINUTES;
  private Integer maxConcurrentConnections = ProfileSettings.DEFAULT_MAX_CONNECTIONS;
  private Integer connectionTimeoutSeconds = ProfileSettings.DEFAULT_TIMEOUT_SECONDS;
  private boolean alertOwnerOnFailures;
  private boolean pushIncomingEmail;
  private Long ownerId;
  private RevocationCheck revocationCheck = RevocationCheck.DEFAULT;
  private String trustedCertificatesPem;

  /** Empty: no limit. */
  private Integer maxMessagesPerMinute;

  private ImpersonationMethod impersonation = Impersonation.DEFAULT.getMethod();
  private MailboxIdentity impersonateAs = Impersonation.DEFAULT.getIdentity();
  private String masterUserSeparator = Impersonation.DEFAULT_SEPARATOR;

  static ProfileForm of(EmailServerProfile p) {
    ProfileForm form = new ProfileForm();
    form.name = p.getName();
    form.description = p.getDescription();
    form.serverType = p.getServerType();
    form.incomingServer = p.getIncoming().getHost();
    form.incomingPort = p.getIncoming().getPort();
    form.incomingUseSsl = p.getIncoming().isUseSsl();
    form.outgoingServer = p.getOutgoing().getHost();
    form.outgoingPort = p.getOutgoing().getPort();
    form.outgoingUseSsl = p.getOutgoing().isUseSsl();
    form.incomingCredentialSource = p.getIncoming().getCredentialSource();
    form.outgoingCredentialSource = p.getOutgoing().getCredentialSource();
    form.incomingAuthProtocol = p.getIncoming().getAuthProtocol();
    form.outgoingAuthProtocol = p.getOutgoing().getAuthProtocol();
    form.username = p.getIncoming().getUsername();
    form.outgoingUsername = p.getOutgoing().getUsername();
    form.useSameSettingsForOutgoing = p.isUseSameSettingsForOutgoing();
    form.processEmailFrom =
        p.getProcessEmailFrom() == null
            ? null
            : LocalDateTime.ofInstant(p.getProcessEmailFrom(), ZoneOffset.UTC);
    form.minPollingIntervalMinutes = p.getMinPollingIntervalMinutes();
    form.maxConcurrentConnections = p.getMaxConcurrentConnections();
    form.connectionTimeoutSeconds = p.getConnectionTimeoutSeconds();
    form.alertOwnerOnFailures = p.isAlertOwnerOnFailures();
    form.pushIncomingEmail = p.isPushIncomingEmail();
    form.ownerId = p.getOwner() == null ? null : p.getOwner().getId();
    form.revocationCheck = p.getRevocationCheck();
    form.trustedCertificatesPem = p.getTrustedCertificatesPem();
    form.maxMessagesPerMinute = p.getMaxMessagesPerMinute();
    form.impersonation = p.getImpersonation().getMethod();
    form.impersonateAs = p.getImpersonation().getIdentity();
    form.masterUserSeparator = p.getImpersonation().getSeparator();
    return form;
  }

  /**
   * What to hand the facade. Passwords only when typed and when they may be sent at all; an empty
   * password means "keep the stored one".
   */
  ProfileSettings settings(boolean passwordsAccepted) {
    Instant from = processEmailFrom == null ? null : processEmailFrom.toInstant(ZoneOffset.UTC);
    return new ProfileSettings(
        name,
        description,
        serverType,
        incomingServer,
        incomingPort,
        incomingUseSsl,
        outgoingServer,
        outgoingPort,
        outgoingUseSsl,
        incomingCredentialSource,
        useSameSettingsForOutgoing ? incomingCredentialSource : outgoingCredentialSource,
        incomingAuthProtocol,
        useSameSettingsForOutgoing ? incomingAuthProtocol : outgoingAuthProtocol,
        username,
        secret(passwordsAccepted, password),
        outgoingUsername,
        secret(passwordsAccepted, outgoingPassword),
        useSameSettingsForOutgoing,
        from,
        minPollingIntervalMinutes,
        maxConcurrentConnections,
        connectionTimeoutSeconds,
        alertOwnerOnFailures,
        ownerId,
        revocationCheck,
        trustedCertificatesPem,
        maxMessagesPerMinute,
        pushIncomingEmail,
        new Impersonation(impersonation, impersonateAs, masterUserSeparator));
  }

  private static Secret secret(boolean accepted, String typed) {
    return accepted && typed != null && !typed.isEmpty() ? Secret.of(typed) : null;
  }

  void forgetPasswords() {
    password = null;
    outgoingPassword = null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public ServerType getServerType() {
    return serverType;
  }

  public void setServerType(ServerType serverType) {
    this.serverType = serverType;
  }

  public String getIncomingServer() {
    return incomingServer;
  }

  public void setIncomingServer(String incomingServer) {
    this.incomingServer = incomingServer;
  }

  public Integer getIncomingPort() {
    return incomingPort;
  }

  public void setIncomingPort(Integer incomingPort) {
    this.incomingPort = incomingPort;
  }

  public boolean isIncomingUseSsl() {
    return incomingUseSsl;
  }

  public void setIncomingUseSsl(boolean incomingUseSsl) {
    this.incomingUseSsl = incomingUseSsl;
  }

  public String getOutgoingServer() {
    return outgoingServer;
  }

  public void setOutgoingServer(String outgoingServer) {
    this.outgoingServer = outgoingServer;
  }

  public Integer getOutgoingPort() {
    return outgoingPort;
  }

  public void setOutgoingPort(Integer outgoingPort) {
    this.outgoingPort = outgoingPort;
  }

  public boolean isOutgoingUseSsl() {
    return outgoingUseSsl;
  }

  public void setOutgoingUseSsl(boolean outgoingUseSsl) {
    this.outgoingUseSsl = outgoingUseSsl;
  }

  public CredentialSource getIncomingCredentialSource() {
    return incomingCredentialSource;
  }

  public void setIncomingCredentialSource(CredentialSource incomingCredentialSource) {
    this.incomingCredentialSource = incomingCredentialSource;
  }

  public CredentialSource getOutgoingCredentialSource() {
    return useSameSettingsForOutgoing ? incomingCredentialSource : outgoingCredentialSource;
  }

  public void setOutgoingCredentialSource(CredentialSource outgoingCredentialSource) {
    this.outgoingCredentialSource = outgoingCredentialSource;
  }

  public AuthProtocol getIncomingAuthProtocol() {
    return incomingAuthProtocol;
  }

  public void setIncomingAuthProtocol(AuthProtocol incomingAuthProtocol) {
    this.incomingAuthProtocol = incomingAuthProtocol;
  }

  public AuthProtocol getOutgoingAuthProtocol() {
    return useSameSettingsForOutgoing ? incomingAuthProtocol : outgoingAuthProtocol;
  }

  public void setOutgoingAuthProtocol(AuthProtocol outgoingAuthProtocol) {
    this.outgoingAuthProtocol = outgoingAuthProtocol;
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

  public String getOutgoingUsername() {
    return outgoingUsername;
  }

  public void setOutgoingUsername(String outgoingUsername) {
    this.outgoingUsername = outgoingUsername;
  }

  public String getOutgoingPassword() {
    return null;
  }

  public void setOutgoingPassword(String outgoingPassword) {
    this.outgoingPassword = outgoingPassword;
  }

  public boolean isUseSameSettingsForOutgoing() {
    return useSameSettingsForOutgoing;
  }

  public void setUseSameSettingsForOutgoing(boolean useSameSettingsForOutgoing) {
    this.useSameSettingsForOutgoing = useSameSettingsForOutgoing;
  }

  public LocalDateTime getProcessEmailFrom() {
    return processEmailFrom;
  }

  public void setProcessEmailFrom(LocalDateTime processEmailFrom) {
    this.processEmailFrom = processEmailFrom;
  }

  public Integer getMinPollingIntervalMinutes() {
    return minPollingIntervalMinutes;
  }

  public void setMinPollingIntervalMinutes(Integer minPollingIntervalMinutes) {
    this.minPollingIntervalMinutes = minPollingIntervalMinutes;
  }

  public Integer getMaxConcurrentConnections() {
    return maxConcurrentConnections;
  }

  public void setMaxConcurrentConnections(Integer maxConcurrentConnections) {
    this.maxConcurrentConnections = maxConcurrentConnections;
  }

  public Integer getConnectionTimeoutSeconds() {
    return connectionTimeoutSeconds;
  }

  public void setConnectionTimeoutSeconds(Integer connectionTimeoutSeconds) {
    this.connectionTimeoutSeconds = connectionTimeoutSeconds;
  }

  public boolean isAlertOwnerOnFailures() {
    return alertOwnerOnFailures;
  }

  public void setAlertOwnerOnFailures(boolean alertOwnerOnFailures) {
    this.alertOwnerOnFailures = alertOwnerOnFailures;
  }

  public boolean isPushIncomingEmail() {
    return pushIncomingEmail;
  }

  public void setPushIncomingEmail(boolean pushIncomingEmail) {
    this.pushIncomingEmail = pushIncomingEmail;
  }

  public Long getOwnerId() {
    return ownerId;
  }

  public void setOwnerId(Long ownerId) {
    this.ownerId = ownerId;
  }

  public RevocationCheck getRevocationCheck() {
    return revocationCheck;
  }

  public void setRevocationCheck(RevocationCheck revocationCheck) {
    this.revocationCheck = revocationCheck;
  }

  public String getTrustedCertificatesPem() {
    return trustedCertificatesPem;
  }

  public void setTrustedCertificatesPem(String trustedCertificatesPem) {
    this.trustedCertificatesPem = trustedCertificatesPem;
  }

  public Integer getMaxMessagesPerMinute() {
    return maxMessagesPerMinute;
  }

  public void setMaxMessagesPerMinute(Integer maxMessagesPerMinute) {
    this.maxMessagesPerMinute = maxMessagesPerMinute;
  }

  public ImpersonationMethod getImpersonation() {
    return impersonation;
  }

  public void setImpersonation(ImpersonationMethod impersonation) {
    this.impersonation = impersonation;
  }

  public MailboxIdentity getImpersonateAs() {
    return impersonateAs;
  }

  public void setImpersonateAs(MailboxIdentity impersonateAs) {
    this.impersonateAs = impersonateAs;
  }

  public String getMasterUserSeparator() {
    return masterUserSeparator;
  }

  public void setMasterUserSeparator(String masterUserSeparator) {
    this.masterUserSeparator = masterUserSeparator;
  }
}
