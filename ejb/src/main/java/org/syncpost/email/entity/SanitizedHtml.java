package org.syncpost.email.entity;

/**
 * An HTML body made safe to show: no script, no event handler, nothing loaded from elsewhere unless
 * remote images were asked for.
 *
 * @param html the sanitised fragment (the content of a {@code body})
 * @param remoteImagesBlocked how many images would have been loaded from other servers; a person
 *     may choose to load them
 */
public record SanitizedHtml(String html, int remoteImagesBlocked) {

  public static final SanitizedHtml EMPTY = new SanitizedHtml("", 0);
}
