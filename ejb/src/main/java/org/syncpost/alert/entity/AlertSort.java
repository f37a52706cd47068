package org.syncpost.alert.entity;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;

/**
 * The fields the alert list sorts by, as the API's {@code sort} names them; ties are broken by id
 * so that pages never overlap. {@code LEVEL} sorts by severity (information, warning, error), not
 * by the level's name.
 */
public enum AlertSort {
  LAST_RAISED_ON {
    @Override
    public Expression<?> of(CriteriaBuilder cb, Root<Alert> alert) {
      return alert.get("lastRaisedOn");
    }
  },
  FIRST_RAISED_ON {
    @Override
    public Expression<?> of(CriteriaBuilder cb, Root<Alert> alert) {
      return alert.get("firstRaisedOn");
    }
  },
  LEVEL {
    @Override
    public Expression<?> of(CriteriaBuilder cb, Root<Alert> alert) {
      // the column holds the level's name; its declaration order is its severity
      CriteriaBuilder.Case<Integer> severity = cb.selectCase();
      AlertLevel[] levels = AlertLevel.values();
      for (int i = 0; i < levels.length - 1; i++) {
        severity = severity.when(cb.equal(alert.get("level"), levels[i]), cb.literal(i));
      }
      return severity.otherwise(cb.literal(levels.length - 1));
    }
  },
  CODE {
    @Override
    public Expression<?> of(CriteriaBuilder cb, Root<Alert> alert) {
      return alert.get("code");
    }
  },
  COUNT {
    @Override
    public Expression<?> of(CriteriaBuilder cb, Root<Alert> alert) {
      return alert.get("count");
    }
  };

  /** What the query orders by. */
  public abstract Expression<?> of(CriteriaBuilder cb, Root<Alert> alert);
}
