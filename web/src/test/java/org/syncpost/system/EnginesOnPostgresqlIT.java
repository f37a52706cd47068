package org.syncpost.system;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The engine system tests once more, on PostgreSQL 15: their shared SyncPost runs on a private
 * cluster (SharedSyncPost). They run in the suite's test JVM beside the other classes, which keep
 * the H2 SyncPost: a pass of their own after the others cost two minutes, most of them three more
 * boots while nothing else ran (ADR 0034). Timing rules ({@link MinuteBound}) do not depend on the
 * database, so they are left out here.
 */
@Suite
@SelectClasses({
  IncomingSyncIT.class,
  OutgoingEmailIT.class,
  MonitoringIT.class,
  MailboxIsolationIT.class,
  Pop3SyncIT.class,
  HostileMailIT.class
})
@ExcludeTags(MinuteBound.TAG)
@ConfigurationParameter(key = SharedSyncPost.DATABASE, value = "postgresql")
class EnginesOnPostgresqlIT {}
