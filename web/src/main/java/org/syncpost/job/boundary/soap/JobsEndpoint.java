package org.syncpost.job.boundary.soap;

import com.sun.xml.ws.developer.SchemaValidation;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import java.util.function.Supplier;
import org.syncpost.api.boundary.soap.AccessDeniedFault;
import org.syncpost.api.boundary.soap.Documentation;
import org.syncpost.api.boundary.soap.Faults;
import org.syncpost.api.boundary.soap.NotAllowedNowFault;
import org.syncpost.api.boundary.soap.NotFoundFault;
import org.syncpost.api.boundary.soap.Soap;
import org.syncpost.api.boundary.soap.ValidationFault;
import org.syncpost.job.boundary.Jobs;

/** Background jobs over SOAP: poll a job to watch it run ({@code GET /api/v1/jobs/{id}}). */
@HandlerChain(file = Soap.HANDLERS)
// the runtime refuses what the WSDL's schema does not allow (unknown enum values, numbers out
// of range) instead of reading it as null or wrapped around; Metro only, other runtimes ignore it
@SchemaValidation(outbound = false)
@WebService(
    name = "Jobs",
    serviceName = "JobService",
    portName = "JobPort",
    targetNamespace = Soap.NAMESPACE)
public class JobsEndpoint {

  private final Supplier<Jobs> jobs = Soap.facade(Jobs.class);

  @WebMethod
  @Documentation(
      "A background job: status, progress and the outcome of each item. NotFoundFault: no job"
          + " has the id. AccessDeniedFault: another user started it."
          + Documentation.OTHER_FAULTS)
  @WebResult(name = "job", targetNamespace = Soap.NAMESPACE)
  public JobView getJob(@WebParam(name = "id", targetNamespace = Soap.NAMESPACE) long id)
      throws ValidationFault, NotFoundFault, AccessDeniedFault, NotAllowedNowFault {
    return Faults.translated(() -> JobView.of(jobs.get().find(id)));
  }
}
