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
  LAST_RAISED_ON("lastRaisedOn"),
  FIRST_RAISED_ON("firstRaisedOn"),
  LEVEL("level") {
    @Override
    public Expression<?> of(CriteriaBuilder cb, Root<Alert> alert) {
      // the column holds the level's name; its declaration order is its severity
      CriteriaBuilder.Case<Integer> severity = cb.selectCase();
      AlertLevel[] levels = AlertLevel.values();
      for (int i = 0; i < levels.length - 1; i++) {
        severity = severity.when(cb.equal(alert.get(field), levels[i]), cb.literal(i));
      }
      return severity.otherwise(cb.literal(levels.length - 1));
    }
  },
  CODE("code"),
  COUNT("count");

  /** The entity attribute sorted by. */
  final String field;

  AlertSort(String field) {
    this.field = field;
  }

  /** What the query orders by. */
  public Expression<?> of(CriteriaBuilder cb, Root<Alert> alert) {
    return alert.get(field);
  }
}
