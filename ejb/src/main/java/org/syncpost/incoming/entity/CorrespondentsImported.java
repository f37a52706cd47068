package org.syncpost.incoming.entity;

/**
 * What an import of known correspondents did.
 *
 * @param added addresses that were not known before
 * @param alreadyKnown addresses that were (listed twice in the import, or imported before)
 */
public record CorrespondentsImported(int added, int alreadyKnown) {}
