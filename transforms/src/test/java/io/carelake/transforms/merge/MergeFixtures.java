package io.carelake.transforms.merge;

import io.carelake.schemas.Members;
import io.carelake.transforms.tables.RowHashes;
import java.time.LocalDate;
import java.util.Collections;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/** Member rows and the change rows a merge makes of them, for the merge tests. */
final class MergeFixtures {
  /** The members merge: key, sequence, lineage left out of change detection, outcomes by source file. */
  static final MergeScd1 MERGE = MergeScd1.on(Members.KEY)
      .orderedBy(Members.RECORD_SEQUENCE)
      .ignoringForChange(Members.LINEAGE_COLUMNS)
      .attributedTo(Members.SOURCE_FILE);
  static final Schema CHANGES = MergeScd1.changeSchema(Members.SILVER);

  private MergeFixtures() {}

  static Row member(String clientId, String memberId, String email, long sequence, String sourceFile) {
    return Row.withSchema(Members.SILVER)
        .withFieldValue(Members.CLIENT_ID, clientId)
        .withFieldValue(Members.MEMBER_ID, memberId)
        .withFieldValue(Members.FIRST_NAME, "Ada")
        .withFieldValue(Members.LAST_NAME, "Okafor")
        .withFieldValue(Members.EMAIL, email)
        .withFieldValue(Members.PLAN_ID, "GOLD-1")
        .withFieldValue(Members.COVERAGE_START, LocalDate.of(2024, 1, 1))
        .withFieldValue(Members.CREATION_DATE, LocalDate.of(2023, 12, 1))
        .withFieldValue(Members.SOURCE_FILE, sourceFile)
        .withFieldValue(Members.LINE_NUMBER, sequence % 1000)
        .withFieldValue(Members.RECORD_SEQUENCE, sequence)
        .withFieldValue(Members.RUN_ID, "run-" + sourceFile)
        .withFieldValue(Members.INGESTED_AT, Instant.parse("2024-01-05T10:00:00Z").plus(sequence))
        .build();
  }

  static Row member(String memberId, String email, long sequence, String sourceFile) {
    return member("acme", memberId, email, sequence, sourceFile);
  }

  /** Outcome counts as one (attribution, outcome) element per row, in their windows: what tests compare. */
  static PCollection<KV<String, String>> perRow(PCollection<KV<String, KV<String, Long>>> counts) {
    return counts.apply("OutcomePerRow of " + counts.getName(), FlatMapElements
        .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
        .via(count -> Collections.nCopies(count.getValue().getValue().intValue(),
            KV.of(count.getKey(), count.getValue().getKey()))));
  }

  static String hash(Row row) {
    return RowHashes.hash(row, Members.LINEAGE_COLUMNS);
  }

  static Row insert(Row after) {
    return Row.withSchema(CHANGES).addValues(after.getValues()).addValues("insert", null, hash(after)).build();
  }

  static Row update(Row before, Row after) {
    return Row.withSchema(CHANGES).addValues(after.getValues()).addValues("update", hash(before), hash(after)).build();
  }

}
