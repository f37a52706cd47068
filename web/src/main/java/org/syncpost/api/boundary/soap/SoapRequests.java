package org.syncpost.api.boundary.soap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The SOAP services' input boundary, before the JAX-WS runtime: a request body larger than the
 * limit, one that is not well-formed XML in its declared encoding, has a document type declaration
 * (never needed; the door to entity expansion and external entities), or is no SOAP 1.1 envelope
 * with one operation in its body is answered here with a {@code Client} fault in plain words. The
 * runtime would answer those with {@code Server} faults that name its parser's classes, from a
 * place its handlers ({@link CallerFaults}) never see. MTOM requests ({@code multipart/related})
 * are only held to the size limit; a SOAP 1.2 envelope is left to the runtime, which answers it
 * with the {@code VersionMismatch} fault SOAP 1.1 section 4.4.1 asks for.
 */
@WebFilter(urlPatterns = {"/EmailService", "/MailboxService", "/JobService"})
public class SoapRequests extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The largest SOAP request in bytes (MTOM attachments included). */
  public static final String MAX_BYTES = "syncpost.soap.max-request-bytes";

  private static final int DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
  private static final String SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    int max =
        ConfigProvider.getConfig()
            .getOptionalValue(MAX_BYTES, Integer.class)
            .orElse(DEFAULT_MAX_BYTES);
    if (request.getContentLengthLong() > max) {
      refuse(response, "The request is larger than " + max + " bytes; send less.");
      return;
    }
    byte[] body = request.getInputStream().readNBytes(max + 1);
    if (body.length > max) {
      refuse(response, "The request is larger than " + max + " bytes; send less.");
      return;
    }
    String type = request.getContentType() == null ? "" : request.getContentType();
    if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      String problem = problemOf(body, request.getCharacterEncoding());
      if (problem != null) {
        refuse(response, problem);
        return;
      }
    }
    chain.doFilter(new Buffered(request, body), response);
  }

  /** What is wrong with a plain SOAP request, or {@code null} when the runtime may read it. */
  static String problemOf(byte[] body, String encoding) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader = null;
    try {
      reader =
          encoding == null
              ? factory.createXMLStreamReader(new ByteArrayInputStream(body))
              : factory.createXMLStreamReader(new ByteArrayInputStream(body), encoding);
      int depth = 0;
      boolean inBody = false;
      int operations = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamReader.DTD) {
          return "The request has a document type declaration; SOAP messages must not have one"
              + " (SOAP 1.1 section 3). Nothing was stored.";
        }
        if (event == XMLStreamReader.START_ELEMENT) {
          depth++;
          if (depth == 1 && !"Envelope".equals(reader.getLocalName())) {
            return "The request is no SOAP envelope; send a SOAP 1.1 message as the WSDL"
                + " describes. Nothing was stored.";
          }
          if (depth == 1 && !SOAP_11.equals(reader.getNamespaceURI())) {
            return null; // another SOAP version: the runtime answers VersionMismatch
          }
          if (depth == 2 && SOAP_11.equals(reader.getNamespaceURI())) {
            inBody |= "Body".equals(reader.getLocalName());
          }
          if (depth == 3 && inBody) {
            operations++;
          }
        } else if (event == XMLStreamReader.END_ELEMENT) {
          depth--;
        }
      }
      if (!inBody) {
        return "The SOAP envelope has no Body; put the operation in it as the WSDL describes."
            + " Nothing was stored.";
      }
      if (operations != 1) {
        return "The SOAP Body must hold exactly one operation element, as the WSDL describes."
            + " Nothing was stored.";
      }
      return null;
    } catch (XMLStreamException | RuntimeException e) {
      return "The request is not well-formed XML in its declared encoding"
          + (e instanceof XMLStreamException stream && stream.getLocation() != null
              ? " (line "
                  + stream.getLocation().getLineNumber()
                  + ", column "
                  + stream.getLocation().getColumnNumber()
                  + ")"
              : "")
          + "; send a SOAP 1.1 message as the WSDL describes. Nothing was stored.";
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing is held open: the bytes are in memory
        }
      }
    }
  }

  /** A SOAP 1.1 {@code Client} fault, with HTTP 500 as WS-I Basic Profile R1126 asks. */
  public static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    response.setContentType("text/xml; charset=utf-8");
    String fault =
        "<?xml version='1.0' encoding='UTF-8'?>"
            + "<S:Envelope xmlns:S=\""
            + SOAP_11
            + "\"><S:Body><S:Fault><faultcode>S:Client</faultcode><faultstring>"
            + message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            + "</faultstring></S:Fault></S:Body></S:Envelope>";
    response.getOutputStream().write(fault.getBytes(StandardCharsets.UTF_8));
  }

  /** The request with its body read once into memory, for the runtime to read again. */
  private static final class Buffered extends HttpServletRequestWrapper {

    private final byte[] body;

    Buffered(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already in memory");
        }
      };
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }
  }
}
