package org.syncpost.directory.entity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.syncpost.settings.entity.IncomingFilter;

/**
 * What an administrator enters for a queue.
 *
 * @param incomingFilter which received mail of its mailbox becomes records, or {@code null} for the
 *     organisation's default
 */
public record QueueDetails(
    @NotBlank(message = "enter a name for the queue")
        @Size(max = 100, message = "must be at most 100 characters")
        String name,
    @NotBlank(message = "enter the queue's email address")
        @Size(max = 320, message = "must be at most 320 characters")
        @Email(message = "is not a valid email address")
        String email,
    Long ownerId,
    IncomingFilter incomingFilter) {}
