package io.carelake.transforms.validate;

import io.carelake.schemas.Violation;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.SerializableFunction;

/** Checks a record against every rule that applies to it and returns all violations, empty when it passes. */
@FunctionalInterface
public interface Rules<T> extends Serializable {
  List<Violation> check(T record);

  /**
   * Applies the rule set of the record's key (for example its client). A record whose key has no rule
   * set breaks {@code <missingRuleId>}: no record passes unchecked.
   */
  static <T> Rules<T> perKey(SerializableFunction<T, String> keyOf, Map<String, ? extends Rules<T>> byKey, String missingRuleId) {
    Map<String, Rules<T>> copy = Map.copyOf(byKey);
    return record -> {
      Rules<T> rules = copy.get(keyOf.apply(record));
      return rules != null ? rules.check(record)
          : List.of(Violation.of(missingRuleId, null, "no rules are configured for this record's source"));
    };
  }
}
