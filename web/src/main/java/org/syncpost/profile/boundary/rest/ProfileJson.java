package org.syncpost.profile.boundary.rest;

import static org.syncpost.json.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.Set;
import org.syncpost.api.control.JsonInput;
import org.syncpost.api.control.JsonOutput;
import org.syncpost.mailserver.entity.AuthProtocol;
import org.syncpost.mailserver.entity.RevocationCheck;
import org.syncpost.profile.entity.CredentialSource;
import org.syncpost.profile.entity.EmailServerProfile;
import org.syncpost.profile.entity.Impersonation;
import org.syncpost.profile.entity.ImpersonationMethod;
import org.syncpost.profile.entity.MailboxIdentity;
import org.syncpost.profile.entity.ProfileSettings;
import org.syncpost.profile.entity.ProviderPreset;
import org.syncpost.profile.entity.ServerType;
import org.syncpost.validation.entity.InvalidInput;

/** The public JSON contract of an email server profile. Passwords go in, never out. */
final class ProfileJson {

  static final String[] PASSWORD_FIELDS = {"password", "outgoingPassword"};

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "version",
          "createdOn",
          "modifiedOn",
          "modifiedBy",
          "name",
          "description",
          "serverType",
          "incomingServer",
          "incomingPort",
          "incomingUseSsl",
          "outgoingServer",
          "outgoingPort",
          "outgoingUseSsl",
          "incomingCredentialSource",
          "outgoingCredentialSource",
          "incomingAuthProtocol",
          "outgoingAuthProtocol",
          "username",
          "password",
          "passwordSet",
          "outgoingUsername",
          "outgoingPassword",
          "outgoingPasswordSet",
          "useSameSettingsForOutgoing",
          "processEmailFrom",
          "minPollingIntervalMinutes",
          "pushIncomingEmail",
          "maxConcurrentConnections",
          "connectionTimeoutSeconds",
          "alertOwnerOnFailures",
          "ownerId",
          "revocationCheck",
          "trustedCertificatesPem",
          "maxMessagesPerMinute",
          "impersonation",
          "impersonateAs",
          "masterUserSeparator");

  private ProfileJson() {}

  static JsonObject of(EmailServerProfile p) {
    return new JsonOutput()
        .tracked(p)
        .add("name", p.getName())
        .add("description", p.getDescription())
        .add("serverType", p.getServerType())
        .add("incomingServer", p.getIncoming().getHost())
        .add("incomingPort", p.getIncoming().getPort())
        .add("incomingUseSsl", p.getIncoming().isUseSsl())
        .add("outgoingServer", p.getOutgoing().getHost())
        .add("outgoingPort", p.getOutgoing().getPort())
        .add("outgoingUseSsl", p.getOutgoing().isUseSsl())
        .add("incomingCredentialSource", p.getIncoming().getCredentialSource())
        .add("outgoingCredentialSource", p.getOutgoing().getCredentialSource())
        .add("incomingAuthProtocol", p.getIncoming().getAuthProtocol())
        .add("outgoingAuthProtocol", p.getOutgoing().getAuthProtocol())
        .add("username", p.getIncoming().getUsername())
        .add("passwordSet", p.getIncoming().isPasswordSet())
        .add("outgoingUsername", p.getOutgoing().getUsername())
        .add("outgoingPasswordSet", p.getOutgoing().isPasswordSet())
        .add("useSameSettingsForOutgoing", p.isUseSameSettingsForOutgoing())
        .add("processEmailFrom", p.getProcessEmailFrom())
        .add("minPollingIntervalMinutes", p.getMinPollingIntervalMinutes())
        .add("pushIncomingEmail", p.isPushIncomingEmail())
        .add("maxConcurrentConnections", p.getMaxConcurrentConnections())
        .add("connectionTimeoutSeconds", p.getConnectionTimeoutSeconds())
        .add("alertOwnerOnFailures", p.isAlertOwnerOnFailures())
        .add("ownerId", p.getOwner() == null ? null : p.getOwner().getId())
        .add("revocationCheck", p.getRevocationCheck())
        .add("trustedCertificatesPem", p.getTrustedCertificatesPem())
        .add("maxMessagesPerMinute", p.getMaxMessagesPerMinute())
        .add("impersonation", p.getImpersonation().getMethod())
        .add("impersonateAs", p.getImpersonation().getIdentity())
        .add("masterUserSeparator", p.getImpersonation().getSeparator())
        .build();
  }

  /**
   * {@code body} over {@code preset}'s settings: servers with SSL, credential source and
   * authentication from the preset, anything the body says instead wins.
   */
  static JsonObject withPreset(JsonObject body, ProviderPreset preset) {
    ServerType type =
        body.containsKey("serverType") && body.get("serverType") instanceof JsonString named
            ? ServerType.valueOf(named.getString())
            : ServerType.IMAP_SMTP;
    String incoming = preset.incoming(type);
    if (incoming == null) {
      throw InvalidInput.of(
          "preset", preset.name() + " has no POP3 server; choose serverType IMAP_SMTP");
    }
    JsonObjectBuilder merged =
        JSON.createObjectBuilder()
            .add("serverType", type.name())
            .add("incomingServer", incoming)
            .add("incomingUseSsl", true)
            .add("outgoingServer", preset.smtp())
            .add("outgoingUseSsl", true)
            .add("incomingCredentialSource", preset.credentialSource().name())
            .add("incomingAuthProtocol", preset.authProtocol().name())
            .add("useSameSettingsForOutgoing", true);
    body.forEach(
        (field, value) -> {
          if (!"preset".equals(field)) {
            merged.add(field, value);
          }
        });
    return merged.build();
  }

  static JsonObject of(ProviderPreset preset) {
    return new JsonOutput()
        .add("id", preset.id())
        .add("name", preset.name())
        .add("imapServer", preset.imap())
        .add("pop3Server", preset.pop3())
        .add("smtpServer", preset.smtp())
        .add("credentialSource", preset.credentialSource())
        .add("authProtocol", preset.authProtocol())
        .add("grant", preset.grant())
        .add("tokenEndpoint", preset.tokenEndpoint())
        .add("authorizationEndpoint", preset.authorizationEndpoint())
        .add("scopes", preset.scopes())
        .add("note", preset.note())
        .build();
  }

  static JsonInput input(JsonObject json) {
    return new JsonInput(json, FIELDS);
  }

  static ProfileSettings settings(JsonInput in) {
    ProfileSettings settings =
        new ProfileSettings(
            in.string("name"),
            in.string("description"),
            in.enumValue("serverType", ServerType.class),
            in.string("incomingServer"),
            in.integer("incomingPort"),
            in.bool("incomingUseSsl"),
            in.string("outgoingServer"),
            in.integer("outgoingPort"),
            in.bool("outgoingUseSsl"),
            in.enumValue("incomingCredentialSource", CredentialSource.class),
            in.enumValue("outgoingCredentialSource", CredentialSource.class),
            in.enumValue("incomingAuthProtocol", AuthProtocol.class),
            in.enumValue("outgoingAuthProtocol", AuthProtocol.class),
            in.string("username"),
            in.secret("password"),
            in.string("outgoingUsername"),
            in.secret("outgoingPassword"),
            in.bool("useSameSettingsForOutgoing"),
            in.instant("processEmailFrom"),
            in.integer("minPollingIntervalMinutes"),
            in.integer("maxConcurrentConnections"),
            in.integer("connectionTimeoutSeconds"),
            in.bool("alertOwnerOnFailures"),
            in.id("ownerId"),
            in.enumValue("revocationCheck", RevocationCheck.class),
            in.string("trustedCertificatesPem"),
            in.integer("maxMessagesPerMinute"),
            in.bool("pushIncomingEmail"),
            new Impersonation(
                in.enumValue("impersonation", ImpersonationMethod.class),
                in.enumValue("impersonateAs", MailboxIdentity.class),
                in.string("masterUserSeparator")));
    in.requireReadable();
    return settings;
  }
}
