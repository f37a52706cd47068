package org.syncpost.email.boundary.ui;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.syncpost.email.boundary.Emails;
import org.syncpost.email.entity.Attachment;
import org.syncpost.email.entity.DownloadName;
import org.syncpost.email.entity.SanitizedHtml;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.NotFound;

/**
 * What the email page shows from the email itself, each under the access checks of {@link Emails}
 * (signed in, and mailbox owners only their own mailboxes' emails):
 *
 * <ul>
 *   <li>{@value #HTML_PATH}{@code ?id=&remoteImages=}: the sanitised HTML body as a document of its
 *       own, for a sandboxed frame. Its Content-Security-Policy runs no script and loads nothing
 *       but the message's own images ({@code data:}, its {@code cid:} parts put in as such by
 *       {@link InlineImages}; remote images only when asked for), and sandboxes the document even
 *       when it is opened on its own: a second line of defence behind the sanitiser.
 *   <li>{@value #ATTACHMENT_PATH}{@code ?id=&n=}: an attachment, always as a download.
 * </ul>
 */
@WebServlet(urlPatterns = {EmailContentServlet.HTML_PATH, EmailContentServlet.ATTACHMENT_PATH})
public class EmailContentServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final String HTML_PATH = "/admin/email/html";
  static final String ATTACHMENT_PATH = "/admin/email/attachment";
  private static final String SANDBOX = "sandbox allow-popups allow-popups-to-escape-sandbox";
  private static final String FRAME_STYLE =
      "body{font-family:system-ui,sans-serif;margin:.8rem;color:#1f2933;overflow-wrap:anywhere}"
          + "img{max-width:100%;height:auto}";

  @Inject transient Emails emails;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    try {
      long id = Long.parseLong(request.getParameter("id"));
      if (HTML_PATH.equals(request.getServletPath())) {
        htmlBody(id, "true".equals(request.getParameter("remoteImages")), response);
      } else {
        attachment(id, Integer.parseInt(request.getParameter("n")), response);
      }
    } catch (NumberFormatException badNumber) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    } catch (NotFound notFound) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (AccessDenied | EJBAccessException notAllowed) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  private void htmlBody(long id, boolean remoteImages, HttpServletResponse response)
      throws IOException {
    SanitizedHtml body = emails.sanitizedHtmlBody(id, remoteImages);
    List<Attachment> parts = emails.find(id).getAttachments();
    String html = InlineImages.resolve(body.html(), contentId -> inlineImage(id, parts, contentId));
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; img-src data: cid:"
            + (remoteImages ? " https: http:" : "")
            + "; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
            + SANDBOX);
    response.setContentType("text/html;charset=UTF-8");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><base target=\"_blank\"><style>"
                + FRAME_STYLE
                + "</style></head><body>"
                + html
                + "</body></html>");
  }

  /** The record's own image part with this content id as a {@code data:} URL (InlineImages). */
  private Optional<String> inlineImage(long id, List<Attachment> parts, String contentId) {
    String wanted = InlineImages.normalized(contentId);
    return parts.stream()
        .filter(a -> a.getContentId() != null)
        .filter(a -> InlineImages.normalized(a.getContentId()).equals(wanted))
        .filter(a -> !a.isOmitted() && InlineImages.shown(a.getContentType(), a.getSize()))
        .findFirst()
        .map(
            a -> {
              ByteArrayOutputStream bytes = new ByteArrayOutputStream();
              emails.copyAttachmentContent(id, a.getPosition(), bytes);
              String type = a.getContentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
              return "data:"
                  + type
                  + ";base64,"
                  + Base64.getEncoder().encodeToString(bytes.toByteArray());
            });
  }

  private void attachment(long id, int position, HttpServletResponse response) throws IOException {
    Attachment attachment = emails.attachment(id, position);
    if (attachment.isOmitted()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    DownloadName fileName = DownloadName.of(attachment.getFileName(), "attachment-" + position);
    response.setHeader("Content-Security-Policy", "default-src 'none'; " + SANDBOX);
    response.setHeader("Content-Disposition", fileName.contentDisposition());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentType(servableType(attachment.getContentType()));
    emails.copyAttachmentContent(id, position, response.getOutputStream());
  }

  /** A stored type that is not {@code type/subtype} (cut short by an older parser) as bytes. */
  private static String servableType(String contentType) {
    return contentType != null
            && contentType.matches("[A-Za-z0-9!#$&^_.+-]{1,127}/[A-Za-z0-9!#$&^_.+-]{1,127}")
        ? contentType
        : "application/octet-stream";
  }
}
