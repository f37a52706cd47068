package org.syncpost.mailbox.boundary.soap;

import com.sun.xml.ws.developer.SchemaValidation;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import java.util.List;
import java.util.function.Supplier;
import org.syncpost.api.boundary.soap.AccessDeniedFault;
import org.syncpost.api.boundary.soap.Documentation;
import org.syncpost.api.boundary.soap.Faults;
import org.syncpost.api.boundary.soap.NotAllowedNowFault;
import org.syncpost.api.boundary.soap.NotFoundFault;
import org.syncpost.api.boundary.soap.Soap;
import org.syncpost.api.boundary.soap.ValidationFault;
import org.syncpost.job.boundary.soap.JobView;
import org.syncpost.mailbox.boundary.MailboxTests;
import org.syncpost.mailbox.boundary.Mailboxes;

/**
 * Mailboxes over SOAP, with the rules of {@code /api/v1/mailboxes}: a mailbox owner sees only their
 * own; approvers and administrators approve and reject; administrators test & enable.
 */
@HandlerChain(file = Soap.HANDLERS)
// the runtime refuses what the WSDL's schema does not allow (unknown enum values, numbers out
// of range) instead of reading it as null or wrapped around; Metro only, other runtimes ignore it
@SchemaValidation(outbound = false)
@WebService(
    name = "Mailboxes",
    serviceName = "MailboxService",
    portName = "MailboxPort",
    targetNamespace = Soap.NAMESPACE)
public class MailboxesEndpoint {

  private final Supplier<Mailboxes> mailboxes = Soap.facade(Mailboxes.class);
  private final Supplier<MailboxTests> tests = Soap.facade(MailboxTests.class);

  /** Approval, enablement, test results and sync health of one mailbox. */
  @WebMethod
  @Documentation(
      "Approval, enablement, test results and synchronization health of one mailbox."
          + " NotFoundFault: no mailbox has the id. AccessDeniedFault: it is another owner's."
          + Documentation.OTHER_FAULTS)
  @WebResult(name = "mailbox", targetNamespace = Soap.NAMESPACE)
  public MailboxState getMailbox(@WebParam(name = "id", targetNamespace = Soap.NAMESPACE) long id)
      throws ValidationFault, NotFoundFault, AccessDeniedFault, NotAllowedNowFault {
    return Faults.translated(() -> MailboxState.of(mailboxes.get().find(id)));
  }

  @WebMethod
  @Documentation(
      "Approves the mailbox's email address (approvers and administrators). NotFoundFault: no"
          + " mailbox has the id. AccessDeniedFault: the caller may not approve."
          + " NotAllowedNowFault: the mailbox has no address to approve, or changed meanwhile."
          + Documentation.OTHER_FAULTS)
  @WebResult(name = "mailbox", targetNamespace = Soap.NAMESPACE)
  public MailboxState approveMailbox(
      @WebParam(name = "id", targetNamespace = Soap.NAMESPACE) long id)
      throws ValidationFault, NotFoundFault, AccessDeniedFault, NotAllowedNowFault {
    return Faults.translated(() -> MailboxState.of(mailboxes.get().approve(id)));
  }

  @WebMethod
  @Documentation(
      "Rejects the mailbox's email address (approvers and administrators). NotFoundFault: no"
          + " mailbox has the id. AccessDeniedFault: the caller may not reject."
          + " NotAllowedNowFault: the mailbox has no address to reject, or changed meanwhile."
          + Documentation.OTHER_FAULTS)
  @WebResult(name = "mailbox", targetNamespace = Soap.NAMESPACE)
  public MailboxState rejectMailbox(
      @WebParam(name = "id", targetNamespace = Soap.NAMESPACE) long id)
      throws ValidationFault, NotFoundFault, AccessDeniedFault, NotAllowedNowFault {
    return Faults.translated(() -> MailboxState.of(mailboxes.get().reject(id)));
  }

  /**
   * Test & enable the mailboxes in the background; the answer is the job, to be followed with
   * {@code JobService.getJob}.
   */
  @WebMethod
  @Documentation(
      "Starts a background job that tests and enables the mailboxes and answers the job, to be"
          + " followed with JobService.getJob. ValidationFault: no ids, or too many."
          + " NotFoundFault: an id names no mailbox. AccessDeniedFault: a mailbox is another"
          + " owner's."
          + Documentation.OTHER_FAULTS)
  @WebResult(name = "job", targetNamespace = Soap.NAMESPACE)
  public JobView testAndEnableMailboxes(
      @WebParam(name = "mailboxIds", targetNamespace = Soap.NAMESPACE) List<Long> mailboxIds)
      throws ValidationFault, NotFoundFault, AccessDeniedFault, NotAllowedNowFault {
    return Faults.translated(() -> JobView.of(tests.get().testAndEnable(mailboxIds)));
  }
}
