package org.syncpost.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that waits out at least a minute of the scheduler's clock (a per-minute sending limit, a
 * re-test interval): it checks timing rules that do not depend on the database, so the engine
 * tests' second run on PostgreSQL ({@link EnginesOnPostgresqlIT}) leaves it out.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag(MinuteBound.TAG)
public @interface MinuteBound {

  String TAG = "minute-bound";
}
