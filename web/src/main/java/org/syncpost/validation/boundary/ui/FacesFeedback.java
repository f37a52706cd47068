package org.syncpost.validation.boundary.ui;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.syncpost.access.entity.AccessRefused;
import org.syncpost.validation.entity.AccessDenied;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.StaleVersion;
import org.syncpost.validation.entity.Violation;

/**
 * Turns what a facade refused into Faces messages: each violation next to the field it names (the
 * input's id is the field name), the rest at the top of the page. Pages call facades through it so
 * that a refusal is a message, never an error page.
 */
@ApplicationScoped
public class FacesFeedback {

  /** The server's local time of a change, to the second (two saves may be a minute apart). */
  private static final DateTimeFormatter CHANGED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /**
   * Runs {@code action}; returns its result, or {@code null} after reporting why it was refused.
   */
  public <T> T attempt(String formId, Supplier<T> action) {
    try {
      return action.get();
    } catch (InvalidInput invalid) {
      invalid.violations().forEach(v -> report(formId, v));
    } catch (AccessDenied | AccessRefused | NotFound refused) {
      error(refused.getMessage());
    } catch (EJBAccessException notAllowed) {
      error("Your role does not allow this; ask an administrator.");
    } catch (StaleVersion stale) {
      error(changedMeanwhile(stale));
    }
    FacesContext.getCurrentInstance().validationFailed();
    return null;
  }

  /**
   * "<who> changed this <thing> at <local time>; reload to see their change": a form opened before
   * someone else saved the same record stores nothing (it carried the version it was opened with).
   */
  static String changedMeanwhile(StaleVersion stale) {
    String who = stale.changedBy() == null ? "Someone else" : stale.changedBy();
    String when =
        stale.changedOn() == null
            ? ""
            : " at " + CHANGED_AT.format(stale.changedOn().atZone(ZoneId.systemDefault()));
    return who
        + " changed this "
        + stale.what()
        + when
        + "; reload to see their change. Nothing of yours was saved: make your change again"
        + " after reloading.";
  }

  public boolean attempt(String formId, Runnable action) {
    return attempt(
            formId,
            () -> {
              action.run();
              return Boolean.TRUE;
            })
        != null;
  }

  public void info(String summary) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
  }

  public void error(String summary) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
  }

  private void report(String formId, Violation violation) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String field = violation.field() == null ? "" : violation.field();
    UIComponent input =
        field.isEmpty() ? null : faces.getViewRoot().findComponent(formId + ":" + field);
    if (input != null) {
      faces.addMessage(
          input.getClientId(faces),
          new FacesMessage(FacesMessage.SEVERITY_ERROR, violation.message(), null));
    } else {
      error((field.isEmpty() ? "" : field + ": ") + violation.message());
    }
  }
}
