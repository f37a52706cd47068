package org.syncpost.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A test class that runs on a second thread beside the others, which run one after another on the
 * first (src/test/resources/junit-platform.properties). It spends most of its time waiting — for
 * servers of its own to boot, stop and boot again, or out delays that are the behaviour under test
 * — so the two cores have room for it, and it touches nothing the other classes read: no
 * organisation setting of the shared SyncPost, no node-wide figure, no mail server of theirs.
 *
 * <p>Classes that share something among themselves take a {@link
 * org.junit.jupiter.api.parallel.ResourceLock} on it as well (those on {@link
 * RestartableSyncPost}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
public @interface BesideTheOthers {}
