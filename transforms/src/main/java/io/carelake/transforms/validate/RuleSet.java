package io.carelake.transforms.validate;

import io.carelake.schemas.Violation;
import java.util.ArrayList;
import java.util.List;

/** An ordered, immutable list of rules. A record is checked against all of them, so it carries every rule it broke. */
public final class RuleSet<T> implements Rules<T> {
  private final List<Rule<T>> rules;

  private RuleSet(List<Rule<T>> rules) {
    this.rules = List.copyOf(rules);
  }

  public static <T> RuleSet<T> of(List<? extends Rule<T>> rules) {
    return new RuleSet<>(new ArrayList<>(rules));
  }

  @SafeVarargs
  public static <T> RuleSet<T> of(Rule<T>... rules) {
    return new RuleSet<>(List.of(rules));
  }

  public int size() {
    return rules.size();
  }

  /** Every violation of the record, in rule order; empty when it passes. */
  @Override
  public List<Violation> check(T record) {
    List<Violation> violations = new ArrayList<>(0);
    for (Rule<T> rule : rules) {
      Violation violation = rule.check(record);
      if (violation != null) {
        violations.add(violation);
      }
    }
    return violations;
  }
}
