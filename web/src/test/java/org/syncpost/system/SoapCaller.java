package org.syncpost.system;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.MTOMFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HostnameVerifier;
import org.syncpost.soap.client.email.EmailService;
import org.syncpost.soap.client.email.Emails;
import org.syncpost.soap.client.job.JobService;
import org.syncpost.soap.client.job.Jobs;
import org.syncpost.soap.client.mailbox.MailboxService;
import org.syncpost.soap.client.mailbox.Mailboxes;

/**
 * A caller of the SOAP API through the clients generated at build time from the WSDL in
 * src/test/wsdl (which {@link #servedContract} proves to be what the server serves): one user, one
 * base address, HTTP Basic, MTOM on.
 */
public final class SoapCaller {

  /** The address the committed WSDL names; the served one names the server's own. */
  static final String CONTRACT_BASE = "https://localhost:8181/";

  private final URI base;
  private final String user;
  private final String password;

  public SoapCaller(URI base, String user, String password) {
    this.base = base;
    this.user = user;
    this.password = password;
  }

  public Emails emails() {
    return configured(new EmailService().getEmailPort(new MTOMFeature()), "EmailService");
  }

  public Mailboxes mailboxes() {
    return configured(new MailboxService().getMailboxPort(), "MailboxService");
  }

  public Jobs jobs() {
    return configured(new JobService().getJobPort(), "JobService");
  }

  private <P> P configured(P port, String service) {
    Map<String, Object> request = ((BindingProvider) port).getRequestContext();
    request.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, base.resolve(service).toString());
    if (user != null) {
      request.put(BindingProvider.USERNAME_PROPERTY, user);
      request.put(BindingProvider.PASSWORD_PROPERTY, password);
    }
    // the test server's self-signed certificate, trusted by the tests only
    request.put(
        "com.sun.xml.ws.transport.https.client.SSLSocketFactory",
        Api.trustingSelfSigned().getSocketFactory());
    request.put(
        "com.sun.xml.ws.transport.https.client.hostname.verifier",
        (HostnameVerifier) (host, session) -> true);
    request.put("com.sun.xml.ws.connect.timeout", 10_000);
    request.put("com.sun.xml.ws.request.timeout", 120_000);
    return port;
  }

  /**
   * What the server serves for {@code service} ({@code ?wsdl}, or {@code ?xsd=1}), with the
   * server's own address replaced by {@link #CONTRACT_BASE} and the schema address by the file next
   * to the WSDL ({@code EmailService-1.xsd}); the runtime's comments are dropped.
   */
  public String servedContract(String service, String query) {
    HttpResponse<String> response = raw(service + "?" + query, null);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          service + "?" + query + " answered " + response.statusCode() + ": " + response.body());
    }
    String root = Pattern.quote(base.toString());
    String text = response.body().replaceAll("(?s)<!--.*?-->", "");
    text = text.replaceAll(root + "(\\w+)\\?xsd=(\\d+)", "$1-$2.xsd");
    return text.replaceAll(root + "(\\w+)", Matcher.quoteReplacement(CONTRACT_BASE) + "$1");
  }

  /** A request without the generated client: {@code body} null is a GET, else a SOAP 1.1 POST. */
  public HttpResponse<String> raw(String pathAndQuery, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60));
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (body != null) {
      request
          .header("Content-Type", "text/xml; charset=utf-8")
          .header("SOAPAction", "\"\"")
          // as an MTOM-enabled client says it: binary content may come back as MIME parts
          .header("Accept", "text/xml, multipart/related, application/xop+xml")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return HttpClient.newBuilder()
          .sslContext(Api.trustingSelfSigned())
          .connectTimeout(Duration.ofSeconds(10))
          .build()
          .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
