package io.carelake.transforms.merge;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.KV;

/**
 * Counts merge outcomes by attribution (such as the source file) while a bundle or window is merged, and
 * hands them out as (attribution, (outcome, count)) once: no element per incoming row leaves the merge for
 * its outcome. Each flush also adds the counts to the merge's metrics, in the namespace of the merge's class.
 */
final class OutcomeCounts {
  private final Map<KV<String, String>, Long> counts = new HashMap<>();
  private final Class<?> namespace;

  OutcomeCounts() {
    this(MergeScd1.class);
  }

  OutcomeCounts(Class<?> namespace) {
    this.namespace = namespace;
  }

  void add(KV<String, String> outcome) {
    counts.merge(outcome, 1L, Long::sum);
  }

  void flush(Consumer<KV<String, KV<String, Long>>> out) {
    Map<String, Long> byOutcome = new HashMap<>();
    counts.forEach((outcome, count) -> {
      out.accept(KV.of(outcome.getKey(), KV.of(outcome.getValue(), count)));
      byOutcome.merge(outcome.getValue(), count, Long::sum);
    });
    byOutcome.forEach((outcome, count) -> Metrics.counter(namespace, outcome).inc(count));
    counts.clear();
  }
}
