package org.syncpost.validation.entity;

/**
 * One thing wrong with one field of a request, in words the person who sent it can act on.
 *
 * @param field the name of the field as the caller knows it (the JSON/form name)
 * @param message what is wrong and what to do
 */
public record Violation(String field, String message) {}
