package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.syncpost.system.Bodies.unique;

import jakarta.xml.ws.WebServiceException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncpost.soap.client.email.AccessDeniedFault;
import org.syncpost.soap.client.email.AttachmentContent;
import org.syncpost.soap.client.email.AttachmentFile;
import org.syncpost.soap.client.email.Direction;
import org.syncpost.soap.client.email.Email;
import org.syncpost.soap.client.email.EmailPage;
import org.syncpost.soap.client.email.EmailQuery;
import org.syncpost.soap.client.email.EmailStatus;
import org.syncpost.soap.client.email.EmailToSend;
import org.syncpost.soap.client.email.Emails;
import org.syncpost.soap.client.email.InvalidField;
import org.syncpost.soap.client.email.NotAllowedNowFault;
import org.syncpost.soap.client.email.NotFoundFault;
import org.syncpost.soap.client.email.ValidationFault;
import org.syncpost.soap.client.job.Job;
import org.syncpost.soap.client.job.JobStatus;
import org.syncpost.soap.client.mailbox.ApprovalStatus;
import org.syncpost.soap.client.mailbox.Mailbox;
import org.syncpost.soap.client.mailbox.Mailboxes;
import org.syncpost.soap.client.mailbox.TestStatus;
import org.syncpost.system.Api.Reply;
import org.syncpost.system.OwnedMailboxes.OwnedMailbox;
import org.syncpost.testing.Eventually;
import org.syncpost.testing.mail.MailServers;

/**
 * The SOAP API on a running SyncPost (Payara Micro with the bundled JAX-WS runtime), called through
 * clients generated at build time from the WSDL it serves; email goes through the private Postfix
 * into Dovecot and is ingested back. REST is called on the same deployment.
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(300)
class SoapApiIT {

  @RegisterExtension static final MailServers servers = MailServers.withDovecotAndPostfix();

  private final SyncPostServer server;
  private final Api admin;
  private final SoapCaller adminSoap;
  private final OwnedMailboxes mailboxes;

  SoapApiIT(SyncPostServer server) {
    this.server = server;
    this.admin = server.admin();
    this.adminSoap = server.soap("admin", SyncPostServer.ADMIN_PASSWORD);
    this.mailboxes = new OwnedMailboxes(admin, servers);
  }

  @Test
  void anEmailWithAnAttachmentSentOverSoapIsDeliveredIngestedAndReadBackWithItsAttachment()
      throws Exception {
    OwnedMailbox sender = mailboxes.enabled();
    OwnedMailbox recipient = mailboxes.enabled();
    byte[] pdf = new byte[48 * 1024];
    new Random(7).nextBytes(pdf);
    String subject = unique("Invoice over SOAP");
    EmailToSend email = emailFrom(sender, recipient.mailUser().address(), subject);
    email.getAttachments().add(attachment("invoice.pdf", "application/pdf", pdf));

    Email queued = caller(sender).emails().sendEmail(email);

    assertThat(queued.getStatus() + " " + queued.getAttachments().get(0).getSize())
        .isEqualTo("PENDING_SEND " + pdf.length);
    assertThat(
            servers
                .dovecot()
                .awaitMessageCount(recipient.mailUser().name(), "INBOX", 1, Duration.ofMinutes(2)))
        .isEqualTo(1);
    assertThat(
            servers
                .dovecot()
                .doveadm(
                    "fetch", "-u", recipient.mailUser().name(), "text", "mailbox", "INBOX", "all"))
        .as("the message in the recipient's mailbox")
        .contains("invoice.pdf")
        .contains(Base64.getEncoder().encodeToString(Arrays.copyOf(pdf, 57)));
    Emails asRecipient = caller(recipient).emails();
    EmailQuery recipients = new EmailQuery();
    recipients.setMailboxId(recipient.id());
    recipients.setSince(at("2020-01-01T00:00:00Z"));
    // a record is shared only by the same delivery (issue 13): the sent record holds no received
    // copy to compare with, so what the recipient's mailbox received is a record of its own
    Email received = awaitIngested(recipient, asRecipient, recipients).getEmails().get(0);
    assertThat(received.getId()).isNotEqualTo(queued.getId());
    assertThat(received.getStatus() + " " + received.getReceivingMailboxIds())
        .isEqualTo(EmailStatus.RECEIVED + " [" + recipient.id() + "]");
    assertThat(received.getSubject()).contains(subject);
    assertThat(received.getAttachments())
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.getName() + " " + a.getSize()).isEqualTo("invoice.pdf " + pdf.length));
    AttachmentFile file =
        asRecipient.getAttachment(received.getId(), received.getAttachments().get(0).getPosition());
    assertThat(file.getContent()).isEqualTo(pdf);
    assertThat(file.getContentType()).startsWith("application/pdf");

    recipients.setUntil(at("2020-01-02T00:00:00Z"));
    assertThat(asRecipient.listEmails(recipients).getTotal()).as("sent until 2020").isZero();
    recipients.setUntil(null);
    recipients.setDirection(Direction.OUTGOING);
    assertThat(asRecipient.listEmails(recipients).getTotal()).as("outgoing").isZero();
  }

  /** Runs incoming cycles of the mailbox (REST) until a record shows in it over SOAP. */
  private EmailPage awaitIngested(OwnedMailbox recipient, Emails asRecipient, EmailQuery query)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    EmailPage page = asRecipient.listEmails(query);
    while (page.getTotal() == 0 && System.nanoTime() < deadline) {
      Reply synced = admin.post("mailboxes/" + recipient.id() + "/sync", "");
      assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
      page = asRecipient.listEmails(query);
    }
    assertThat(page.getTotal()).as("records of mailbox %d", recipient.id()).isEqualTo(1);
    return page;
  }

  @Test
  void eachInvalidFieldIsAnEntryOfTheValidationFaultAndNothingIsStored() throws Exception {
    OwnedMailbox owner = mailboxes.unconfigured();
    EmailToSend email = emailFrom(owner, "not an address", unique("invalid"));
    email.getCc().add("carol@example.org");
    email.getCc().add("@nobody");
    email.getAttachments().add(attachment("notes.txt", "text", new byte[] {1, 2}));
    Emails emails = caller(owner).emails();

    ValidationFault fault =
        catchThrowableOfType(ValidationFault.class, () -> emails.sendEmail(email));

    assertThat(fault.getFaultInfo().getErrors())
        .extracting(InvalidField::getField)
        .containsExactlyInAnyOrder("to[0]", "cc[1]", "attachments[0].contentType");
    assertThat(fault.getFaultInfo().getErrors())
        .allSatisfy(error -> assertThat(error.getMessage()).isNotBlank());
    assertThat(fault.getMessage()).contains("nothing was stored");
    EmailQuery mine = new EmailQuery();
    mine.setMailboxId(owner.id());
    assertThat(emails.listEmails(mine).getTotal()).isZero();
  }

  @Test
  void aRepeatedClientRequestIdAnswersTheFirstEmailAndCreatesNoSecond() throws Exception {
    OwnedMailbox owner = mailboxes.unconfigured();
    EmailToSend draft = emailFrom(owner, "someone@example.org", unique("retried over soap"));
    draft.setDraft(true);
    draft.setAutoSubmitted(true);
    draft.setClientRequestId(UUID.randomUUID().toString());
    Emails emails = caller(owner).emails();

    Email first = emails.sendEmail(draft);
    Email again = emails.sendEmail(draft);

    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(first.isAutoSubmitted()).isTrue();
    EmailQuery mine = new EmailQuery();
    mine.setMailboxId(owner.id());
    assertThat(emails.listEmails(mine).getTotal()).isEqualTo(1);
  }

  @Test
  void aRepeatedClientRequestIdAnswersTheFirstAnswerNotTheEmailAsItIsNow() throws Exception {
    OwnedMailbox owner = mailboxes.unconfigured();
    EmailToSend draft = emailFrom(owner, "someone@example.org", unique("replayed over soap"));
    draft.setDraft(true);
    draft.setClientRequestId(UUID.randomUUID().toString());
    Emails emails = caller(owner).emails();
    Email first = emails.sendEmail(draft);
    Email canceled = emails.cancelEmail(first.getId());

    Email again = emails.sendEmail(draft);

    assertThat(canceled.getStatus()).isNotEqualTo(first.getStatus());
    assertThat(List.of(again.getId(), again.getVersion(), again.getStatus(), again.getSubject()))
        .containsExactly(first.getId(), first.getVersion(), first.getStatus(), first.getSubject());
    assertThat(again.getCreatedOn()).isEqualTo(first.getCreatedOn());
    assertThat(again.getTo()).containsExactlyElementsOf(first.getTo());
    assertThat(emails.getEmail(first.getId()).getStatus()).isEqualTo(canceled.getStatus());
  }

  @Test
  void aClientRequestIdUsedForAnotherEmailIsAClientValidationFault() throws Exception {
    OwnedMailbox owner = mailboxes.unconfigured();
    String id = UUID.randomUUID().toString();
    EmailToSend first = emailFrom(owner, "someone@example.org", unique("first"));
    first.setDraft(true);
    first.setClientRequestId(id);
    EmailToSend other = emailFrom(owner, "someone@example.org", unique("other"));
    other.setDraft(true);
    other.setClientRequestId(id);
    Emails emails = caller(owner).emails();
    emails.sendEmail(first);

    ValidationFault fault =
        catchThrowableOfType(ValidationFault.class, () -> emails.sendEmail(other));

    assertThat(fault.getFaultInfo().getErrors())
        .extracting(InvalidField::getField)
        .containsExactly("clientRequestId");
    EmailQuery mine = new EmailQuery();
    mine.setMailboxId(owner.id());
    assertThat(emails.listEmails(mine).getTotal()).isEqualTo(1);
  }

  @Test
  void anUnknownEmailIsANotFoundFault() {
    NotFoundFault fault =
        catchThrowableOfType(
            NotFoundFault.class, () -> adminSoap.emails().getEmail(Long.MAX_VALUE - 1));

    assertThat(fault.getFaultInfo().getCode() + ": " + fault.getFaultInfo().getMessage())
        .isEqualTo("not-found: There is no email with id " + (Long.MAX_VALUE - 1) + ".");
  }

  @Test
  void aMailboxOwnerCannotReadOrSendFromAnotherOwnersMailbox() throws Exception {
    OwnedMailbox alice = mailboxes.unconfigured();
    OwnedMailbox bob = mailboxes.unconfigured();
    EmailToSend draft = emailFrom(alice, "someone@example.org", unique("private"));
    draft.setDraft(true);
    Email alicesDraft = caller(alice).emails().sendEmail(draft);
    Emails asBob = caller(bob).emails();

    AccessDeniedFault reading =
        catchThrowableOfType(AccessDeniedFault.class, () -> asBob.getEmail(alicesDraft.getId()));
    AccessDeniedFault sending =
        catchThrowableOfType(AccessDeniedFault.class, () -> asBob.sendEmail(draft));

    assertThat(reading.getFaultInfo().getCode()).isEqualTo("access-denied");
    assertThat(reading.getFaultInfo().getMessage())
        .isEqualTo(
            "Email "
                + alicesDraft.getId()
                + " belongs to another mailbox; you may read only the emails of your own mailboxes.");
    assertThat(sending.getFaultInfo().getMessage()).contains("send only from your own mailbox");
    EmailQuery alicesMailbox = new EmailQuery();
    alicesMailbox.setMailboxId(alice.id());
    assertThat(asBob.listEmails(alicesMailbox).getTotal())
        .as("Bob's list of Alice's mailbox")
        .isZero();
    assertThat(caller(alice).emails().listEmails(alicesMailbox).getTotal()).isEqualTo(1);
  }

  @Test
  void anApproverMayNotTestAndEnableMailboxes() {
    String approver = unique("approver");
    Reply created =
        admin.post(
            "users",
            "{\"name\": \"%s\", \"email\": \"%s@example.org\", \"roles\": [\"approver\"], \"password\": \"approver-password-1\"}"
                .formatted(approver, approver));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Mailboxes asApprover = server.soap(approver, "approver-password-1").mailboxes();

    var fault =
        catchThrowableOfType(
            org.syncpost.soap.client.mailbox.AccessDeniedFault.class,
            () -> asApprover.testAndEnableMailboxes(List.of(mailboxes.unconfigured().id())));

    assertThat(fault.getFaultInfo().getMessage())
        .isEqualTo("Your roles do not allow this operation; ask an administrator.");
  }

  @Test
  void cancellingAnEmailThatIsNoLongerPendingIsANotAllowedNowFault() throws Exception {
    OwnedMailbox owner = mailboxes.unconfigured();
    EmailToSend draft = emailFrom(owner, "someone@example.org", unique("cancel twice"));
    draft.setDraft(true);
    Emails emails = caller(owner).emails();
    long id = emails.sendEmail(draft).getId();
    assertThat(emails.cancelEmail(id).getStatus()).isEqualTo(EmailStatus.CANCELED);

    NotAllowedNowFault fault =
        catchThrowableOfType(NotAllowedNowFault.class, () -> emails.cancelEmail(id));

    assertThat(fault.getFaultInfo().getCode()).isEqualTo("not-allowed-now");
    assertThat(fault.getFaultInfo().getMessage())
        .startsWith("Email " + id + " cannot be canceled: it is CANCELED");
  }

  @Test
  void aMailboxIsRejectedApprovedAndTestedAndEnabledAsAJobFollowedToItsEnd() throws Exception {
    OwnedMailbox owned = mailboxes.enabled();
    Mailboxes soapMailboxes = adminSoap.mailboxes();

    assertThat(soapMailboxes.rejectMailbox(owned.id()).getApprovalStatus())
        .isEqualTo(ApprovalStatus.REJECTED);
    assertThat(soapMailboxes.approveMailbox(owned.id()).getApprovalStatus())
        .isEqualTo(ApprovalStatus.APPROVED);
    var started = soapMailboxes.testAndEnableMailboxes(List.of(owned.id()));
    Job job = awaitFinished(started.getId());

    assertThat(job.getStatus() + " " + job.getDone() + "/" + job.getTotal())
        .as(job.getMessage())
        .isEqualTo(JobStatus.COMPLETED + " 1/1");
    assertThat(job.getResults())
        .singleElement()
        .satisfies(r -> assertThat(r.getMailboxId()).isEqualTo(owned.id()));
    Mailbox mailbox = caller(owned).mailboxes().getMailbox(owned.id());
    assertThat(
            mailbox.getIncomingStatus()
                + " "
                + mailbox.getOutgoingStatus()
                + " "
                + mailbox.isEnabledForIncoming()
                + " "
                + mailbox.isEnabledForOutgoing())
        .isEqualTo(TestStatus.SUCCESS + " " + TestStatus.SUCCESS + " true true");
    assertThat(mailbox.getTestCompletedOn()).isNotNull();
  }

  private Job awaitFinished(long jobId) throws Exception {
    var jobs = adminSoap.jobs();
    return Eventually.lastWithin(
        Duration.ofMinutes(2),
        () -> jobs.getJob(jobId),
        job -> job.getStatus() != JobStatus.QUEUED && job.getStatus() != JobStatus.RUNNING);
  }

  @Test
  void callsWithoutValidCredentialsAreRejectedWith401() {
    SoapCaller anonymous = server.soap(null, null);
    HttpResponse<String> call = anonymous.raw("EmailService", getEmailEnvelope(1));
    HttpResponse<String> wsdl = anonymous.raw("EmailService?wsdl", null);

    assertThat(call.statusCode() + " " + wsdl.statusCode()).isEqualTo("401 401");
    assertThat(call.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"SyncPost\"");
    assertThatThrownBy(() -> server.soap("admin", "wrong-password").jobs().getJob(1))
        .isInstanceOf(WebServiceException.class)
        .hasMessageContaining("401");
  }

  @Test
  void faultsNeverCarryAStackTrace() {
    HttpResponse<String> notFound = adminSoap.raw("EmailService", getEmailEnvelope(Long.MAX_VALUE));
    HttpResponse<String> garbage = adminSoap.raw("EmailService", "this is not XML");

    assertThat(notFound.body()).contains("NotFoundFault").contains("There is no email with id");
    assertThat(garbage.statusCode()).isEqualTo(500);
    assertThat(notFound.body() + garbage.body())
        .contains("Fault")
        .doesNotContain("StackTrace", "\tat ", "at com.sun.", "at org.syncpost.", ".java:");
  }

  @Test
  void anAttachmentTravelsAsAnMtomPartNotAsBase64InTheXml() throws Exception {
    OwnedMailbox owner = mailboxes.unconfigured();
    byte[] content = "a plain text attachment".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    EmailToSend draft = emailFrom(owner, "someone@example.org", unique("mtom"));
    draft.setDraft(true);
    draft.getAttachments().add(attachment("notes.txt", "text/plain", content));
    long id = caller(owner).emails().sendEmail(draft).getId();

    HttpResponse<String> response =
        caller(owner)
            .raw(
                "EmailService",
                """
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:v="urn:syncpost:v1">
                  <s:Body><v:getAttachment><v:emailId>%d</v:emailId><v:position>0</v:position></v:getAttachment></s:Body>
                </s:Envelope>"""
                    .formatted(id));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("multipart/related")
        .contains("application/xop+xml");
    assertThat(response.body())
        .contains("xop:Include")
        .contains("a plain text attachment")
        .doesNotContain(Base64.getEncoder().encodeToString(content));
  }

  @Test
  void restAndTheAdminUiKeepWorkingOnTheSameDeployment() {
    Reply mailboxList = admin.get("mailboxes?limit=1");

    assertThat(mailboxList.status()).as(mailboxList.toString()).isEqualTo(200);
    assertThat(mailboxList.header("X-Total-Count")).isNotNull();
    assertThat(mailboxList.array()).isNotNull();
    HttpResponse<String> page = server.soap(null, null).raw("login.xhtml", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("primefaces");
  }

  private static String getEmailEnvelope(long id) {
    return """
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:v="urn:syncpost:v1">
          <s:Body><v:getEmail><v:id>%d</v:id></v:getEmail></s:Body>
        </s:Envelope>"""
        .formatted(id);
  }

  private SoapCaller caller(OwnedMailbox mailbox) {
    return server.soap(mailbox.login(), mailbox.password());
  }

  private static EmailToSend emailFrom(OwnedMailbox sender, String to, String subject) {
    EmailToSend email = new EmailToSend();
    email.setSenderMailboxId(sender.id());
    email.getTo().add(to);
    email.setSubject(subject);
    email.setTextBody("Please find the invoice attached.");
    return email;
  }

  private static AttachmentContent attachment(String name, String contentType, byte[] content) {
    AttachmentContent attachment = new AttachmentContent();
    attachment.setName(name);
    attachment.setContentType(contentType);
    attachment.setContent(content);
    return attachment;
  }

  private static XMLGregorianCalendar at(String dateTime) throws Exception {
    return DatatypeFactory.newInstance().newXMLGregorianCalendar(dateTime);
  }
}
