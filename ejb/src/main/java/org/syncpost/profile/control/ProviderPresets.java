package org.syncpost.profile.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.syncpost.mailserver.entity.OAuthGrant;
import org.syncpost.profile.entity.CredentialSource;
import org.syncpost.profile.entity.ProviderPreset;

/**
 * The provider presets, read once from {@code provider-presets.properties} next to this class: data
 * in the repository, so creating a profile from one asks no provider anything.
 */
@ApplicationScoped
public class ProviderPresets {

  /**
   * Read on first use, not when the bean or its client proxy is made: a deployment that never asks
   * for presets (the container tests' suite archive has no resources but the schema) starts all the
   * same.
   */
  private static final class Loaded {
    static final List<ProviderPreset> PRESETS = load();
  }

  public List<ProviderPreset> all() {
    return Loaded.PRESETS;
  }

  public Optional<ProviderPreset> find(String id) {
    return all().stream().filter(preset -> preset.id().equalsIgnoreCase(id)).findFirst();
  }

  static List<ProviderPreset> load() {
    Properties data = new Properties();
    try (InputStream in =
        ProviderPresets.class.getResourceAsStream("provider-presets.properties")) {
      if (in == null) {
        throw new IllegalStateException("provider-presets.properties is missing from the build");
      }
      data.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Arrays.stream(data.getProperty("presets").split(","))
        .map(String::strip)
        .map(id -> preset(id, data))
        .toList();
  }

  private static ProviderPreset preset(String id, Properties data) {
    String grant = data.getProperty(id + ".grant");
    return new ProviderPreset(
        id,
        required(data, id, "name"),
        required(data, id, "imap"),
        data.getProperty(id + ".pop3"),
        required(data, id, "smtp"),
        CredentialSource.valueOf(required(data, id, "credentialSource")),
        grant == null ? null : OAuthGrant.valueOf(grant),
        data.getProperty(id + ".tokenEndpoint"),
        data.getProperty(id + ".authorizationEndpoint"),
        data.getProperty(id + ".scopes"),
        data.getProperty(id + ".note"));
  }

  private static String required(Properties data, String id, String field) {
    String value = data.getProperty(id + "." + field);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("provider preset " + id + " has no " + field);
    }
    return value.strip();
  }
}
