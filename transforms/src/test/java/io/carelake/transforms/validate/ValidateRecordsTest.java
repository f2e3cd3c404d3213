package io.carelake.transforms.validate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.carelake.schemas.BadRecord;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.schemas.SourceRecord;
import io.carelake.transforms.standardize.Dates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.collect.Iterables;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ValidateRecordsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final LandingFile FILE = LandingFile.builder().setPath("/landing/acme_20250301.csv")
      .setName("acme_20250301.csv").setSizeBytes(100).setClientId("acme").setDeliveryDate("2025-03-01").build();

  private static SourceRecord record(long line, String... namesAndValues) {
    Map<String, String> fields = new java.util.HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return SourceRecord.of(FILE, line, fields, "raw line " + line);
  }

  private static final RuleSet<SourceRecord> RULES = RuleSet.of(
      FieldRules.required("member_id"),
      FieldRules.matches("zip", "[0-9]{5}"),
      FieldRules.oneOf("gender", Set.of("M", "F"), true),
      FieldRules.between("age", BigDecimal.ZERO, new BigDecimal("120")),
      FieldRules.dateWithin("dob", Dates.of("yyyy-MM-dd")::parse, LocalDate.of(1900, 1, 1), LocalDate.of(2025, 1, 1)));

  private static final EnvelopeFn<SourceRecord> ENVELOPE = record -> BadRecord.builder()
      .setPipeline("members").setRunId("run-1").setSourceFile(record.getFile().getName())
      .setLineNumber(record.getLineNumber()).setClientId(record.getFile().getClientId()).setPayload(record.getRawText());

  @Test
  public void aRecordBreakingSeveralRulesCarriesEveryOneAndItsOrigin() {
    SourceRecord valid = record(2, "member_id", "A-1", "zip", "68504", "gender", "f", "age", "40", "dob", "1980-01-02");
    SourceRecord bad = record(3, "member_id", " ", "zip", "6850", "gender", "male", "age", "130", "dob", "2030-01-01");
    SourceRecord blankOptional = record(4, "member_id", "A-2", "zip", "", "dob", "");

    FailableResult<SourceRecord, BadRecord> result = pipeline
        .apply(Create.of(valid, bad, blankOptional).withCoder(SchemaCoders.of(SourceRecord.class)))
        .apply(ValidateRecords.against(RULES, ENVELOPE));

    PAssert.that(result.output()).containsInAnyOrder(valid, blankOptional);
    PAssert.that(result.failures()).satisfies(failures -> {
      BadRecord failure = Iterables.getOnlyElement(failures);
      assertThat(failure.ruleIds(), contains(
          "member_id.required", "zip.pattern", "gender.allowed_values", "age.range", "dob.date_window"));
      assertThat(failure.getStage(), equalTo("validate"));
      assertThat(failure.getLineNumber(), equalTo(3L));
      assertThat(failure.getSourceFile(), equalTo("acme_20250301.csv"));
      assertThat(failure.getPayload(), equalTo("raw line 3"));
      return null;
    });
    pipeline.run();
  }

  @Test
  public void reasonsNameTheRuleNotTheValue() {
    SourceRecord bad = record(2, "member_id", "A-1", "zip", "SECRET-VALUE", "dob", "not-a-date");
    List<String> reasons = RULES.check(bad).stream().map(v -> v.getReason()).toList();
    assertThat(reasons.toString().contains("SECRET-VALUE"), equalTo(false));
    assertThat(RULES.check(bad).stream().map(v -> v.getRuleId()).toList(), contains("zip.pattern", "dob.date_format"));
  }

  @Test
  public void aRecordWithoutRulesForItsKeyIsNeverPassedUnchecked() {
    Rules<SourceRecord> perClient = Rules.perKey(r -> r.getFile().getClientId(), Map.of("other", RULES), "client.unknown");
    assertThat(perClient.check(record(2, "member_id", "A-1")).get(0).getRuleId(), equalTo("client.unknown"));
  }
}
