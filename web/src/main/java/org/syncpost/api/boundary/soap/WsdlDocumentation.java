package org.syncpost.api.boundary.soap;

import com.sun.xml.txw2.TypedXmlWriter;
import com.sun.xml.ws.api.model.CheckedException;
import com.sun.xml.ws.api.model.JavaMethod;
import com.sun.xml.ws.api.wsdl.writer.WSDLGeneratorExtension;
import java.lang.reflect.AnnotatedElement;
import javax.xml.namespace.QName;

/**
 * Writes each operation's and each fault's {@link Documentation} into the WSDL that the JAX-WS
 * runtime (Metro, bundled on Payara Micro and native on Payara Server) generates and serves, as the
 * first child of the port type's {@code operation} and {@code fault} (WSDL 1.1 section 2.1.4 allows
 * {@code documentation} there). JAX-WS has no annotation for it; Metro finds this extension through
 * {@code META-INF/services}. Other runtimes (WildFly's CXF) serve the WSDL without it.
 */
public class WsdlDocumentation extends WSDLGeneratorExtension {

  private static final QName DOCUMENTATION =
      new QName("http://schemas.xmlsoap.org/wsdl/", "documentation");

  @Override
  public void addOperationExtension(TypedXmlWriter operation, JavaMethod method) {
    document(operation, method.getMethod());
  }

  @Override
  public void addOperationFaultExtension(
      TypedXmlWriter fault, JavaMethod method, CheckedException exception) {
    document(fault, exception.getExceptionClass());
  }

  private static void document(TypedXmlWriter element, AnnotatedElement documented) {
    Documentation documentation = documented.getAnnotation(Documentation.class);
    if (documentation != null) {
      element._element(DOCUMENTATION, TypedXmlWriter.class)._pcdata(documentation.value());
    }
  }
}
