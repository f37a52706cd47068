package org.syncpost.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The SOAP contract as served: each service's WSDL and schema are the committed ones that the test
 * clients are generated from, and the WSDL says for each operation and fault when it is raised (ADR
 * 0025).
 */
@ExtendWith(SharedSyncPost.class)
@Timeout(120)
class WsdlContractIT {

  private static final List<String> SERVICES =
      List.of("EmailService", "MailboxService", "JobService");

  private final SoapCaller adminSoap;

  WsdlContractIT(SyncPostServer server) {
    this.adminSoap = server.soap("admin", SyncPostServer.ADMIN_PASSWORD);
  }

  @Test
  void theServedWsdlAndSchemasAreTheCommittedOnesTheClientsAreGeneratedFrom() throws IOException {
    Path committed = Path.of(System.getProperty("syncpost.wsdlDirectory"));
    Path served = Path.of("target", "served-wsdl");
    Files.createDirectories(served);
    // every document is saved before any is compared: one run gives all that changed
    Map<String, String> servedTexts = new LinkedHashMap<>();
    for (String service : SERVICES) {
      for (String[] document :
          new String[][] {{"wsdl", service + ".wsdl"}, {"xsd=1", service + "-1.xsd"}}) {
        String text = adminSoap.servedContract(service, document[0]);
        Files.writeString(served.resolve(document[1]), text);
        servedTexts.put(document[1], text);
      }
    }
    servedTexts.forEach(
        (file, text) -> {
          try {
            assertThat(canonical(text))
                .as(
                    "%s differs from %s; if the change is intended, copy %s over it (and build"
                        + " with clean: the clients are generated again)",
                    file, committed.resolve(file), served.toAbsolutePath().resolve(file))
                .isEqualTo(canonical(Files.readString(committed.resolve(file))));
          } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
          }
        });
  }

  @Test
  void everyOperationAndEveryFaultOfTheServedWsdlSaysWhenItIsRaised() throws Exception {
    List<String> undocumented = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (String service : SERVICES) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Element portType =
          (Element)
              factory
                  .newDocumentBuilder()
                  .parse(
                      new InputSource(new StringReader(adminSoap.servedContract(service, "wsdl"))))
                  .getElementsByTagNameNS(WSDL, "portType")
                  .item(0);
      for (Element operation : children(portType, "operation")) {
        String name = service + "." + operation.getAttribute("name");
        checked.add(name);
        if (!documentation(operation).contains("Server fault")) {
          undocumented.add(name);
        }
        for (Element fault : children(operation, "fault")) {
          checked.add(name + " " + fault.getAttribute("name"));
          if (!documentation(fault).contains("faultcode Client")) {
            undocumented.add(name + " " + fault.getAttribute("name"));
          }
        }
      }
    }

    assertThat(checked)
        .contains("EmailService.sendEmail", "EmailService.sendEmail ValidationFault")
        .contains("MailboxService.approveMailbox", "JobService.getJob NotFoundFault");
    assertThat(undocumented).isEmpty();
  }

  private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element
          && WSDL.equals(element.getNamespaceURI())
          && name.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  /** The text of the element's first child, when that is its documentation (WSDL 1.1 §2.1.4). */
  private static String documentation(Element element) {
    List<Element> documentation = children(element, "documentation");
    Node first = element.getFirstChild();
    while (first != null && !(first instanceof Element)) {
      first = first.getNextSibling();
    }
    return documentation.isEmpty() || first != documentation.get(0)
        ? ""
        : documentation.get(0).getTextContent();
  }

  /**
   * The document with the order of siblings left out, except inside {@code xsd:sequence} where the
   * order is part of the contract: the runtime lists messages, operations and types in the order
   * reflection gives the methods, which changes from one JVM to the next.
   */
  private static String canonical(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return canonical(
          factory
              .newDocumentBuilder()
              .parse(new InputSource(new StringReader(xml)))
              .getDocumentElement());
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("not a well-formed document: " + xml, e);
    }
  }

  private static String canonical(Element element) {
    List<String> attributes = new ArrayList<>();
    NamedNodeMap all = element.getAttributes();
    for (int i = 0; i < all.getLength(); i++) {
      attributes.add(all.item(i).getNodeName() + "=\"" + all.item(i).getNodeValue() + "\"");
    }
    Collections.sort(attributes);
    List<String> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        children.add(canonical(nested));
      } else if (child.getNodeType() == Node.TEXT_NODE && !child.getTextContent().isBlank()) {
        children.add(child.getTextContent().strip());
      }
    }
    if (!"sequence".equals(element.getLocalName())) {
      Collections.sort(children);
    }
    String name = "{" + element.getNamespaceURI() + "}" + element.getLocalName();
    return "<"
        + name
        + " "
        + String.join(" ", attributes)
        + ">\n"
        + String.join("", children)
        + "</"
        + name
        + ">\n";
  }
}
