package org.syncpost.job.entity;

/**
 * The work a job does for one mailbox. It runs on a container thread without a caller and without a
 * transaction: it calls controls (not role-checked facades) and opens transactions of its own.
 * Returning a failed result or throwing both record the mailbox as failed; the job goes on with the
 * other mailboxes.
 */
@FunctionalInterface
public interface JobWork {

  ItemResult run(long mailboxId);
}
