package org.syncpost.crypto.entity;

import java.util.Map;

/**
 * How many stored credentials each key protects, and which key is current: after a rotation and a
 * re-encryption, every count but the current key's should be zero before an old key is retired.
 */
public record KeyUsage(String currentKeyId, Map<String, Long> valuesPerKey) {}
