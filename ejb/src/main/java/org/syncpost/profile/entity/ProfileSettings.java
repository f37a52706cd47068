package org.syncpost.profile.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.syncpost.crypto.entity.Secret;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.RevocationCheck;

/**
 * Everything an administrator sets on an email server profile, as entered. Empty values mean "the
 * default" (see {@link #withDefaults}); a {@code null} password means "keep the one stored".
 */
public record ProfileSettings(
    @NotBlank(message = "enter a name for the profile")
        @Size(max = 100, message = "must be at most 100 characters")
        String name,
    @Size(max = 2000, message = "must be at most 2,000 characters") String description,
    @NotNull(message = "choose IMAP_SMTP or POP3_SMTP") ServerType serverType,
    @NotBlank(message = "enter the incoming server's host name (or host:port)")
        @Size(max = 255, message = "must be at most 255 characters")
        String incomingServer,
    @Min(value = 1, message = "must be a port between 1 and 65535")
        @Max(value = 65535, message = "must be a port between 1 and 65535")
        Integer incomingPort,
    @NotNull Boolean incomingUseSsl,
    @NotBlank(message = "enter the outgoing (SMTP) server's host name (or host:port)")
        @Size(max = 255, message = "must be at most 255 characters")
        String outgoingServer,
    @Min(value = 1, message = "must be a port between 1 and 65535")
        @Max(value = 65535, message = "must be a port between 1 and 65535")
        Integer outgoingPort,
    @NotNull Boolean outgoingUseSsl,
    @NotNull CredentialSource incomingCredentialSource,
    @NotNull CredentialSource outgoingCredentialSource,
    @NotNull AuthProtocol incomingAuthProtocol,
    @NotNull AuthProtocol outgoingAuthProtocol,
    @Size(max = 320, message = "must be at most 320 characters") String username,
    Secret password,
    @Size(max = 320, message = "must be at most 320 characters") String outgoingUsername,
    Secret outgoingPassword,
    @NotNull Boolean useSameSettingsForOutgoing,
    @NotNull Instant processEmailFrom,
    @NotNull
        @Min(value = 0, message = "must be between 0 and 1440 minutes")
        @Max(value = 1440, message = "must be between 0 and 1440 minutes")
        Integer minPollingIntervalMinutes,
    @NotNull
        @Min(value = 1, message = "must be between 1 and 300")
        @Max(value = 300, message = "must be between 1 and 300")
        Integer maxConcurrentConnections,
    @NotNull
        @Min(value = 1, message = "must be between 1 and 100 seconds")
        @Max(value = 100, message = "must be between 1 and 100 seconds")
        Integer connectionTimeoutSeconds,
    @NotNull Boolean alertOwnerOnFailures,
    Long ownerId,
    @NotNull RevocationCheck revocationCheck,
    @Size(max = 100_000, message = "must be at most 100,000 characters of PEM")
        String trustedCertificatesPem,
    @Min(
            value = 1,
            message = "must be between 1 and 100000 messages per minute, or empty for no limit")
        @Max(
            value = MAX_MESSAGES_PER_MINUTE,
            message = "must be between 1 and 100000 messages per minute, or empty for no limit")
        Integer maxMessagesPerMinute,
    @NotNull Boolean pushIncomingEmail,
    Impersonation impersonation) {

  /** The highest sending rate limit one can set: beyond it a limit means nothing. */
  public static final int MAX_MESSAGES_PER_MINUTE = 100_000;

  public static final int DEFAULT_MIN_POLLING_MINUTES = 1;
  public static final int DEFAULT_MAX_CONNECTIONS = 10;
  public static final int DEFAULT_TIMEOUT_SECONDS = 30;

  /** Fills what was left empty with the documented defaults. */
  public ProfileSettings withDefaults(Instant now) {
    CredentialSource inSource = or(incomingCredentialSource, CredentialSource.USER_OR_QUEUE);
    return new ProfileSettings(
        name,
        description,
        serverType,
        incomingServer,
        incomingPort,
        or(incomingUseSsl, Boolean.TRUE),
        outgoingServer,
        outgoingPort,
        or(outgoingUseSsl, Boolean.TRUE),
        inSource,
        or(outgoingCredentialSource, inSource),
        or(incomingAuthProtocol, AuthProtocol.AUTO_DETECT),
        or(outgoingAuthProtocol, or(incomingAuthProtocol, AuthProtocol.AUTO_DETECT)),
        username,
        password,
        outgoingUsername,
        outgoingPassword,
        or(useSameSettingsForOutgoing, Boolean.TRUE),
        or(processEmailFrom, now),
        or(minPollingIntervalMinutes, DEFAULT_MIN_POLLING_MINUTES),
        or(maxConcurrentConnections, DEFAULT_MAX_CONNECTIONS),
        or(connectionTimeoutSeconds, DEFAULT_TIMEOUT_SECONDS),
        or(alertOwnerOnFailures, Boolean.FALSE),
        ownerId,
        or(revocationCheck, RevocationCheck.DEFAULT),
        trustedCertificatesPem,
        maxMessagesPerMinute,
        or(pushIncomingEmail, Boolean.FALSE),
        impersonation == null ? Impersonation.DEFAULT : impersonation.withDefaults());
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
