package io.carelake.transforms.standardize;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.util.Arrays;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Applies a {@link PiiPolicy} to every row; the output has the input's schema and coder.
 *
 * <p>The tokenisation key is read from its reference by each DoFn instance at setup, on the worker, so
 * it is never part of the pipeline graph, its options or its display data; without a TOKEN action no key
 * is needed or read.
 */
@AutoValue
public abstract class ApplyPiiPolicy extends PTransform<PCollection<Row>, PCollection<Row>> {
  abstract PiiPolicy policy();

  abstract @Nullable TokenizationKey key();

  /**
   * Applies {@code policy}, tokenising with the key at {@code keyReference} (see {@link TokenizationKey}
   * for the forms); the reference may be null when the policy has no TOKEN action.
   */
  public static ApplyPiiPolicy of(PiiPolicy policy, @Nullable String keyReference) {
    checkArgument(policy != null, "policy must not be null");
    return new AutoValue_ApplyPiiPolicy(
        policy, keyReference == null ? null : TokenizationKey.fromReference(keyReference));
  }

  @Override
  public PCollection<Row> expand(PCollection<Row> rows) {
    checkArgument(rows.hasSchema(), "ApplyPiiPolicy needs rows with a schema");
    policy().checkApplicableTo(rows.getSchema());
    checkArgument(!policy().needsTokenizer() || key() != null,
        "the PII policy tokenises %s but no tokenization key reference was given", policy().actions());
    TokenizationKey key = policy().needsTokenizer() ? key() : null;
    return rows
        .apply("ApplyPolicy", ParDo.of(new ApplyPolicyFn(policy(), key)))
        .setCoder(rows.getCoder());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("piiPolicy", policy().toString()).withLabel("PII policy"));
    if (key() != null) {
      builder.add(DisplayData.item("keyReference", key().reference()).withLabel("Tokenization key reference"));
    }
  }

  private static final class ApplyPolicyFn extends DoFn<Row, Row> {
    private final PiiPolicy policy;
    private final @Nullable TokenizationKey key;
    private transient @Nullable Tokenizer tokenizer;

    ApplyPolicyFn(PiiPolicy policy, @Nullable TokenizationKey key) {
      this.policy = policy;
      this.key = key;
    }

    @Setup
    public void setup() throws IOException {
      if (key != null) {
        byte[] secret = key.load();
        try {
          tokenizer = Tokenizer.withKey(secret);
        } finally {
          Arrays.fill(secret, (byte) 0);
        }
      }
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<Row> out) {
      out.output(policy.apply(row, tokenizer));
    }
  }
}
