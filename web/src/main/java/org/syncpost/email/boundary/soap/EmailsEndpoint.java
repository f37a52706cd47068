package org.syncpost.email.boundary.soap;

import com.sun.xml.ws.developer.SchemaValidation;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.soap.MTOM;
import java.util.List;
import java.util.function.Supplier;
import org.syncpost.api.boundary.soap.AccessDeniedFault;
import org.syncpost.api.boundary.soap.Documentation;
import org.syncpost.api.boundary.soap.Faults;
import org.syncpost.api.boundary.soap.NotAllowedNowFault;
import org.syncpost.api.boundary.soap.NotFoundFault;
import org.syncpost.api.boundary.soap.Soap;
import org.syncpost.api.boundary.soap.ValidationFault;
import org.syncpost.api.control.IdempotentCalls;
import org.syncpost.api.control.Paging;
import org.syncpost.email.boundary.Emails;
import org.syncpost.email.entity.AttachmentData;
import org.syncpost.email.entity.EmailFilter;
import org.syncpost.email.entity.EmailRecord;
import org.syncpost.idempotency.boundary.IdempotentRequests;
import org.syncpost.idempotency.entity.Answer;
import org.syncpost.outgoing.boundary.Outbox;
import org.syncpost.outgoing.entity.OutgoingEmail;
import org.syncpost.validation.entity.InvalidInput;

/**
 * Email records over SOAP, with the rules of {@code /api/v1/emails}: the facades decide who may
 * send from or read which mailbox.
 */
@HandlerChain(file = Soap.HANDLERS)
// the runtime refuses what the WSDL's schema does not allow (unknown enum values, numbers out
// of range) instead of reading it as null or wrapped around; Metro only, other runtimes ignore it
@SchemaValidation(outbound = false)
@WebService(
    name = "Emails",
    serviceName = "EmailService",
    portName = "EmailPort",
    targetNamespace = Soap.NAMESPACE)
@MTOM
public class EmailsEndpoint {

  private final Supplier<Emails> emails = Soap.facade(Emails.class);
  private final Supplier<Outbox> outbox = Soap.facade(Outbox.class);
  private final Supplier<IdempotentRequests> idempotentRequests =
      Soap.facade(IdempotentRequests.class);

  /** The operation client request ids of {@code sendEmail} belong to. */
  static final String SEND_OPERATION = "soap:sendEmail";

  static final String CLIENT_REQUEST_ID = "clientRequestId";

  /**
   * Creates an outgoing email, {@code PENDING_SEND} (sent at {@code sendAt}, or as soon as
   * possible) or a {@code DRAFT}. With a {@code clientRequestId}, the same request again within 24
   * hours answers the first answer (the email as it was created, not as it is now) and creates
   * nothing; another request under the same id is a Client fault.
   */
  @WebMethod
  @Documentation(
      "Creates an outgoing email from senderMailboxId: PENDING_SEND (sent at sendAt, or as soon"
          + " as possible) or a DRAFT when draft is true, and answers it as created. With a"
          + " clientRequestId, the same request again within 24 hours answers that first answer"
          + " and creates nothing. ValidationFault: invalid fields (an unknown senderMailboxId"
          + " too), or a clientRequestId already used for another request. AccessDeniedFault: the"
          + " sender mailbox is not the caller's."
          + Documentation.OTHER_FAULTS)
  @WebResult(name = "email", targetNamespace = Soap.NAMESPACE)
  public Email sendEmail(
      @WebParam(name = "email", targetNamespace = Soap.NAMESPACE) EmailToSend email)
      throws ValidationFault, NotFoundFault, AccessDeniedFault, NotAllowedNowFault {
    return Faults.translated(
        () -> {
          if (email == null) {
            throw InvalidInput.of("email", "is required: the email to send");
          }
          String key = IdempotentCalls.key(CLIENT_REQUEST_ID, email.clientRequestId);
          OutgoingEmail request =
              new OutgoingEmail(
                  email.senderMailboxId,
                  email.to,
                  email.cc,
                  email.bcc,
                  email.subject,
                  email.textBody,
                  email.htmlBody,
                  attachments(email.attachments),
                  email.sendAt,
                  Boolean.TRUE.equals(email.draft),
                  Boolean.TRUE.equals(email.autoSubmitted));
          if (key == null) {
            return Email.of(outbox.get().create(request));
          }
          Email[] fresh = new Email[1];
          Answer answer =
              IdempotentCalls.once(
                  idempotentRequests.get(),
                  SEND_OPERATION,
                  CLIENT_REQUEST_ID,
                  key,
                  IdempotentCalls.fingerprint(email.canonical()),
                  () -> {
                    EmailRecord created = outbox.get().create(request);
                    fresh[0] = Email.of(created);
                    return new Answer(201, null, created.getId(), FirstAnswer.xml(fresh[0]));
                  });
          if (fresh[0] != null) {
            return fresh[0];
          }
          // kept without its answer before replays answered the first answer: as it is now
          return answer.body() == null
              ? Email.of(emails.get().find(answer.resourceId()))
              : FirstAnswer.email(answer.body());
        });
  }

  /** A draft or pending email is canceled; any other status is a not-allowed-now fault. */
  @WebMethod
  @Documentation(
      "Cancels a DRAFT or PENDING_SEND email and answers it CANCELED. NotFoundFault: no"
          + " outgoing email has the id. AccessDeniedFault: it is sent from another owner's"
          + " mailbox. NotAllowedNowFault: it is in another status (sending, sent, failed,"
          + " canceled)."
          + Documentation.OTHER_FAULTS)
  @WebResult(name = "email", targetNamespace = Soap.NAMESPACE)
  public Email cancelEmail(@WebParam(name = "id", targetNamespace = Soap.NAMESPACE) long id)
      throws ValidationFault, NotFoundFault, AccessDeniedFault, NotAllowedNowFault {
    return Faults.translated(() -> Email.of(outbox.get().cancel(id)));
  }

  /** Records by mailbox, direction, status, date range and conversation, newest first. */
  @WebMethod
  @Documentation(
      "Email records by mailbox, direction, status, date range and conversation, newest first,"
          + " a page at a time (offset, limit up to 1000) with the total; a caller who is not an"
          + " administrator sees only the email of their own mailboxes. ValidationFault: an"
          + " invalid offset, limit or date range."
          + Documentation.OTHER_FAULTS)
  @WebResult(name = "page", targetNamespace = Soap.NAMESPACE)
  public EmailPage listEmails(
      @WebParam(name = "query", targetNamespace = Soap.NAMESPACE) EmailQuery query)
      throws ValidationFault, NotFoundFault, AccessDeniedFault, NotAllowedNowFault {
    return Faults.translated(
        () -> {
          EmailQuery asked = query == null ? new EmailQuery() : query;
          Paging paging = Paging.of(asked.offset, asked.limit);
          EmailFilter filter = asked.filter();
          EmailPage page = new EmailPage();
          page.offset = paging.offset();
          page.limit = paging.limit();
          page.total = emails.get().count(filter);
          emails.get().list(filter, paging.offset(), paging.limit()).stream()
              .map(Email::of)
              .forEach(page.emails::add);
          return page;
        });
  }

  @WebMethod
  @Documentation(
      "One email record. NotFoundFault: no email has the id. AccessDeniedFault: it belongs to"
          + " another owner's mailbox."
          + Documentation.OTHER_FAULTS)
  @WebResult(name = "email", targetNamespace = Soap.NAMESPACE)
  public Email getEmail(@WebParam(name = "id", targetNamespace = Soap.NAMESPACE) long id)
      throws ValidationFault, NotFoundFault, AccessDeniedFault, NotAllowedNowFault {
    return Faults.translated(() -> Email.of(emails.get().find(id)));
  }

  /** The bytes of the attachment at {@code position} (from 0), as an MTOM attachment. */
  @WebMethod
  @Documentation(
      "The bytes of the attachment at position (from 0) of an email, as an MTOM attachment."
          + " NotFoundFault: no email has the id, or it has no attachment at that position."
          + " AccessDeniedFault: it belongs to another owner's mailbox. ValidationFault: the"
          + " attachment was kept out of the record (the reason is in the message)."
          + Documentation.OTHER_FAULTS)
  @WebResult(name = "attachment", targetNamespace = Soap.NAMESPACE)
  public AttachmentFile getAttachment(
      @WebParam(name = "emailId", targetNamespace = Soap.NAMESPACE) long emailId,
      @WebParam(name = "position", targetNamespace = Soap.NAMESPACE) int position)
      throws ValidationFault, NotFoundFault, AccessDeniedFault, NotAllowedNowFault {
    return Faults.translated(
        () -> {
          var attachment = emails.get().attachment(emailId, position);
          if (attachment.isOmitted()) {
            throw InvalidInput.of(
                "position",
                "this attachment was kept out of the record: " + attachment.getOmittedReason());
          }
          return AttachmentFile.of(attachment);
        });
  }

  private static List<AttachmentData> attachments(List<AttachmentContent> sent) {
    return sent.stream()
        .map(
            a ->
                new AttachmentData(
                    a.name,
                    a.contentType,
                    null,
                    false,
                    a.content == null ? 0 : a.content.length,
                    a.content,
                    null))
        .toList();
  }
}
