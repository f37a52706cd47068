package org.syncpost.api.boundary.soap;

import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.function.Supplier;

/** Version 1 of the SOAP contract, and how an endpoint reaches the facades. */
public final class Soap {

  /**
   * The namespace of every element, type and fault of version 1 — operation parameters and results
   * included (each {@code @WebParam} and {@code @WebResult} names it: Metro would leave them
   * unqualified, CXF would qualify them). A breaking change gets v2.
   */
  public static final String NAMESPACE = "urn:syncpost:v1";

  /**
   * Where the services are, below the context root: the address Payara Server and WildFly give a
   * web service by its service name, and the one {@code WEB-INF/sun-jaxws.xml} gives it on Payara
   * Micro, so that every runtime serves the same addresses.
   */
  public static final List<String> PATHS =
      List.of("/EmailService", "/MailboxService", "/JobService");

  /** The handler chain of every endpoint ({@code @HandlerChain(file = Soap.HANDLERS)}). */
  public static final String HANDLERS = "/org/syncpost/api/boundary/soap/handlers.xml";

  private Soap() {}

  /** Whether a request (path below the context root) goes to one of the SOAP services. */
  public static boolean isFor(String path) {
    return PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  /**
   * A facade, looked up through CDI when first used. On Payara Micro the endpoints are created by
   * the bundled JAX-WS runtime, which does not inject {@code @EJB} or {@code @Inject} fields; a CDI
   * lookup works on every runtime. Session beans are thread-safe proxies, so one reference serves
   * every request.
   */
  public static <T> Supplier<T> facade(Class<T> type) {
    return new Supplier<>() {
      private volatile T reference;

      @Override
      public T get() {
        T found = reference;
        if (found == null) {
          found = CDI.current().select(type).get();
          reference = found;
        }
        return found;
      }
    };
  }
}
