package org.syncpost.mailbox.boundary.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.syncpost.alert.boundary.Alerts;
import org.syncpost.alert.entity.AlertFilter;
import org.syncpost.alert.entity.AlertLevel;
import org.syncpost.mailbox.boundary.Mailboxes;
import org.syncpost.mailbox.entity.Mailbox;
import org.syncpost.mailbox.entity.TestStatus;

/** The start page: how many mailboxes work, which fail (those first), how many alerts are open. */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 5000;

  @Inject transient Mailboxes mailboxes;
  @Inject transient Alerts alerts;

  private List<Mailbox> failing;
  private long mailboxCount;
  private long enabledCount;
  private long openErrors;
  private long openWarnings;

  @PostConstruct
  void load() {
    List<Mailbox> all = mailboxes.list(null, 0, SHOWN);
    mailboxCount = mailboxes.count(null);
    enabledCount =
        all.stream().filter(m -> m.isEnabledForIncoming() || m.isEnabledForOutgoing()).count();
    failing =
        all.stream()
            .filter(
                m ->
                    m.getIncomingStatus() == TestStatus.FAILURE
                        || m.getOutgoingStatus() == TestStatus.FAILURE)
            .sorted(Comparator.comparing(Mailbox::getName))
            .toList();
    openErrors = alerts.count(new AlertFilter(null, null, AlertLevel.ERROR, false, false));
    openWarnings = alerts.count(new AlertFilter(null, null, AlertLevel.WARNING, false, false));
  }

  public List<Mailbox> getFailing() {
    return failing;
  }

  public long getMailboxCount() {
    return mailboxCount;
  }

  public long getEnabledCount() {
    return enabledCount;
  }

  public long getOpenErrors() {
    return openErrors;
  }

  public long getOpenWarnings() {
    return openWarnings;
  }
}
