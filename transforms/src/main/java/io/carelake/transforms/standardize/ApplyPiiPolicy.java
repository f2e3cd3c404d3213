package io.carelake.transforms.standardize;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Applies a {@link PiiPolicy} to every row, or to each row the policy of its value in a selector column
 * (each client its own policy); the output has the input's schema and coder.
 *
 * <p>The tokenisation key is read from its reference by each DoFn instance at setup, on the worker, so
 * it is never part of the pipeline graph, its options or its display data; without a TOKEN action no key
 * is needed or read.
 */
@AutoValue
public abstract class ApplyPiiPolicy extends PTransform<PCollection<Row>, PCollection<Row>> {
  /** The policy of rows without a policy of their own. */
  abstract PiiPolicy policy();

  abstract @Nullable String selectorColumn();

  abstract Map<String, PiiPolicy> policyPerValue();

  abstract @Nullable TokenizationKey key();

  /**
   * Applies {@code policy}, tokenising with the key at {@code keyReference} (see {@link TokenizationKey}
   * for the forms); the reference may be null when the policy has no TOKEN action.
   */
  public static ApplyPiiPolicy of(PiiPolicy policy, @Nullable String keyReference) {
    checkArgument(policy != null, "policy must not be null");
    return new AutoValue_ApplyPiiPolicy(policy, null, Map.of(),
        keyReference == null ? null : TokenizationKey.fromReference(keyReference));
  }

  /**
   * Applies to each row the policy of its value in {@code selectorColumn} (for example its client id);
   * a row whose value has no policy gets {@code fallback}.
   */
  public static ApplyPiiPolicy perValueOf(String selectorColumn, Map<String, PiiPolicy> policies,
      PiiPolicy fallback, @Nullable String keyReference) {
    checkArgument(selectorColumn != null && !selectorColumn.isBlank(), "selector column must not be blank");
    checkArgument(fallback != null, "fallback policy must not be null");
    return new AutoValue_ApplyPiiPolicy(fallback, selectorColumn, Map.copyOf(policies),
        keyReference == null ? null : TokenizationKey.fromReference(keyReference));
  }

  private boolean anyPolicyTokenizes() {
    return policy().needsTokenizer() || policyPerValue().values().stream().anyMatch(PiiPolicy::needsTokenizer);
  }

  @Override
  public PCollection<Row> expand(PCollection<Row> rows) {
    checkArgument(rows.hasSchema(), "ApplyPiiPolicy needs rows with a schema");
    policy().checkApplicableTo(rows.getSchema());
    policyPerValue().values().forEach(policy -> policy.checkApplicableTo(rows.getSchema()));
    checkArgument(selectorColumn() == null || rows.getSchema().hasField(selectorColumn()),
        "the selector column %s is not in the rows' schema", selectorColumn());
    checkArgument(!anyPolicyTokenizes() || key() != null,
        "a PII policy tokenises columns but no tokenization key reference was given");
    TokenizationKey key = anyPolicyTokenizes() ? key() : null;
    return rows
        .apply("ApplyPolicy", ParDo.of(new ApplyPolicyFn(policy(), selectorColumn(), policyPerValue(), key)))
        .setCoder(rows.getCoder());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("piiPolicy", policy().toString()).withLabel("PII policy"));
    if (selectorColumn() != null) {
      builder.add(DisplayData.item("piiPolicySelector", selectorColumn()).withLabel("PII policy per value of"));
    }
    if (key() != null) {
      builder.add(DisplayData.item("keyReference", key().reference()).withLabel("Tokenization key reference"));
    }
  }

  private static final class ApplyPolicyFn extends DoFn<Row, Row> {
    private final PiiPolicy policy;
    private final @Nullable String selectorColumn;
    private final Map<String, PiiPolicy> policyPerValue;
    private final @Nullable TokenizationKey key;
    private transient @Nullable Tokenizer tokenizer;

    ApplyPolicyFn(PiiPolicy policy, @Nullable String selectorColumn, Map<String, PiiPolicy> policyPerValue,
        @Nullable TokenizationKey key) {
      this.policy = policy;
      this.selectorColumn = selectorColumn;
      this.policyPerValue = policyPerValue;
      this.key = key;
    }

    @Setup
    public void setup() throws IOException {
      if (key != null) {
        tokenizer = key.loadTokenizer();
      }
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<Row> out) {
      Object selector = selectorColumn == null ? null : row.getValue(selectorColumn);
      PiiPolicy rowPolicy = selector == null ? policy : policyPerValue.getOrDefault(selector.toString(), policy);
      out.output(rowPolicy.apply(row, tokenizer));
    }
  }
}
