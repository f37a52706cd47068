package org.syncpost.webhook.boundary.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.syncpost.event.entity.EventType;
import org.syncpost.validation.boundary.ui.FacesFeedback;
import org.syncpost.webhook.boundary.Webhooks;
import org.syncpost.webhook.entity.SubscriptionStatus;
import org.syncpost.webhook.entity.WebhookDelivery;
import org.syncpost.webhook.entity.WebhookSubscription;

/**
 * The administrator's webhook subscriptions: each with its last delivery; create and edit in a
 * dialog (the secret is written, never shown: the field is never filled from the server), pause,
 * resume, delete, and one subscription's delivery log. Every rule is the facade's, as for {@code
 * /api/v1/webhooks}.
 */
@Named
@ViewScoped
public class WebhooksPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "webhooks";
  static final String DIALOG_FIELDS = "webhooks:subscription";
  static final int LOG_SHOWN = 100;

  /** A subscription and its newest delivery attempt (null before the first). */
  public record Row(WebhookSubscription subscription, WebhookDelivery last)
      implements Serializable {}

  @Inject transient Webhooks webhooks;
  @Inject transient FacesFeedback feedback;

  private List<Row> rows = List.of();
  private Long editingId;
  private String url;
  // held only between the submit and the save: never rendered back (redisplay="false")
  private String secret;
  private List<String> events = new ArrayList<>();
  private WebhookSubscription logOf;
  private List<WebhookDelivery> log = List.of();

  /** On open, and after every change. */
  public void load() {
    List<Row> found = feedback.attempt(FORM, this::withLastDeliveries);
    rows = found == null ? List.of() : found;
  }

  // subscriptions are few (one per integrated application): one query each for its last attempt
  private List<Row> withLastDeliveries() {
    return webhooks.list().stream()
        .map(
            s -> new Row(s, webhooks.deliveries(s.getId(), 0, 1).stream().findFirst().orElse(null)))
        .toList();
  }

  public void newSubscription() {
    editingId = null;
    url = null;
    secret = null;
    events = new ArrayList<>();
  }

  public void edit(WebhookSubscription subscription) {
    editingId = subscription.getId();
    url = subscription.getUrl();
    secret = null;
    events =
        new ArrayList<>(
            subscription.getEventTypes().stream().map(EventType::externalName).toList());
  }

  /** Creates or saves; a refused dialog stays open with each problem next to its field. */
  public void save() {
    String typedSecret = secret;
    secret = null;
    WebhookSubscription saved =
        editingId == null
            ? feedback.attempt(DIALOG_FIELDS, () -> webhooks.create(url, typedSecret, events))
            : feedback.attempt(
                DIALOG_FIELDS,
                () ->
                    webhooks.update(
                        editingId,
                        url,
                        typedSecret == null || typedSecret.isEmpty() ? null : typedSecret,
                        events,
                        null));
    if (saved == null) {
      return;
    }
    feedback.info(words(editingId == null ? "webhook.created" : "webhook.saved", saved.getUrl()));
    newSubscription();
    load();
    PrimeFaces.current().executeScript("PF('subscriptionDialog').hide()");
    PrimeFaces.current().ajax().update("webhooks:messages", "webhooks:table", "webhooks:log");
  }

  public void pause(WebhookSubscription subscription) {
    changeStatus(subscription, SubscriptionStatus.PAUSED, "webhook.paused");
  }

  public void resume(WebhookSubscription subscription) {
    changeStatus(subscription, SubscriptionStatus.ACTIVE, "webhook.resumed");
  }

  private void changeStatus(WebhookSubscription subscription, SubscriptionStatus to, String said) {
    WebhookSubscription changed =
        feedback.attempt(FORM, () -> webhooks.update(subscription.getId(), null, null, null, to));
    if (changed != null) {
      feedback.info(words(said, changed.getUrl()));
    }
    load();
  }

  public void delete(WebhookSubscription subscription) {
    if (feedback.attempt(FORM, () -> webhooks.delete(subscription.getId()))) {
      feedback.info(words("webhook.deleted", subscription.getUrl()));
      if (logOf != null && logOf.getId().equals(subscription.getId())) {
        logOf = null;
        log = List.of();
      }
    }
    load();
  }

  /** The newest attempts of one subscription, shown below the table. */
  public void showLog(WebhookSubscription subscription) {
    List<WebhookDelivery> found =
        feedback.attempt(FORM, () -> webhooks.deliveries(subscription.getId(), 0, LOG_SHOWN));
    logOf = found == null ? null : subscription;
    log = found == null ? List.of() : found;
  }

  private static String words(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String pattern = faces.getApplication().getResourceBundle(faces, "words").getString(key);
    return new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(arguments);
  }

  public List<EventType> getEventTypes() {
    return Arrays.asList(EventType.values());
  }

  public List<Row> getRows() {
    return rows;
  }

  public Long getEditingId() {
    return editingId;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getSecret() {
    return null;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public List<String> getEvents() {
    return events;
  }

  public void setEvents(List<String> events) {
    this.events = events == null ? new ArrayList<>() : new ArrayList<>(events);
  }

  public WebhookSubscription getLogOf() {
    return logOf;
  }

  public int getLogShown() {
    return LOG_SHOWN;
  }

  public List<WebhookDelivery> getLog() {
    return log;
  }
}
