package io.carelake.transforms.validate;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.BadRecord;
import io.carelake.schemas.SchemaCoders;
import io.carelake.schemas.Violation;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;

/**
 * Splits records into those that pass every rule and bad-record envelopes for those that do not. A
 * failing record carries every rule it broke.
 */
@AutoValue
public abstract class ValidateRecords<T> extends PTransform<PCollection<T>, FailableResult<T, BadRecord>> {
  abstract Rules<T> rules();

  abstract EnvelopeFn<T> envelope();

  abstract String stage();

  abstract Builder<T> toBuilder();

  /**
   * Validates against {@code rules}; {@code envelope} starts the bad record of a failing element (its
   * source, position and payload), to which the stage and violations are added.
   */
  public static <T> ValidateRecords<T> against(Rules<T> rules, EnvelopeFn<T> envelope) {
    return new AutoValue_ValidateRecords.Builder<T>()
        .setRules(rules).setEnvelope(envelope).setStage("validate").build();
  }

  public ValidateRecords<T> withStage(String stage) {
    checkArgument(stage != null && !stage.isBlank(), "stage must not be blank");
    return toBuilder().setStage(stage).build();
  }

  @Override
  public FailableResult<T, BadRecord> expand(PCollection<T> records) {
    TupleTag<T> valid = new TupleTag<>();
    TupleTag<BadRecord> failed = new TupleTag<>();
    PCollectionTuple checked = records.apply("CheckRules",
        ParDo.of(new CheckRulesFn<>(rules(), envelope(), stage(), valid, failed))
            .withOutputTags(valid, TupleTagList.of(failed)));
    return FailableResult.of(
        checked.get(valid).setCoder(records.getCoder()),
        checked.get(failed).setCoder(SchemaCoders.of(BadRecord.class)));
  }

  private static final class CheckRulesFn<T> extends DoFn<T, T> {
    private final Rules<T> rules;
    private final EnvelopeFn<T> envelope;
    private final String stage;
    private final TupleTag<T> valid;
    private final TupleTag<BadRecord> failed;
    private final Counter passed;
    private final Counter rejected;

    CheckRulesFn(Rules<T> rules, EnvelopeFn<T> envelope, String stage, TupleTag<T> valid, TupleTag<BadRecord> failed) {
      this.rules = rules;
      this.envelope = envelope;
      this.stage = stage;
      this.valid = valid;
      this.failed = failed;
      this.passed = Metrics.counter(ValidateRecords.class, stage + "_valid");
      this.rejected = Metrics.counter(ValidateRecords.class, stage + "_invalid");
    }

    @ProcessElement
    public void process(@Element T record, MultiOutputReceiver out) {
      List<Violation> violations = rules.check(record);
      if (violations.isEmpty()) {
        passed.inc();
        out.get(valid).output(record);
      } else {
        rejected.inc();
        out.get(failed).output(envelope.start(record)
            .setStage(stage).setViolations(violations).setRecordedAt(Instant.now()).build());
      }
    }
  }

  @AutoValue.Builder
  abstract static class Builder<T> {
    abstract Builder<T> setRules(Rules<T> rules);

    abstract Builder<T> setEnvelope(EnvelopeFn<T> envelope);

    abstract Builder<T> setStage(String stage);

    abstract ValidateRecords<T> build();
  }
}
