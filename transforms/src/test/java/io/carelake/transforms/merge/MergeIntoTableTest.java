package io.carelake.transforms.merge;

import static io.carelake.transforms.merge.MergeFixtures.CHANGES;
import static io.carelake.transforms.merge.MergeFixtures.MERGE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import io.carelake.schemas.Members;
import io.carelake.transforms.tables.CommitTableVersion;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.ParquetTables;
import io.carelake.transforms.tables.ReadTable;
import io.carelake.transforms.tables.RowHashes;
import io.carelake.transforms.tables.TableLog;
import io.carelake.transforms.tables.TablePath;
import io.carelake.transforms.tables.TableVersion;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Runs of a silver load: read the table, merge a file, commit the new version. */
@RunWith(JUnit4.class)
public class MergeIntoTableTest {

  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static Row member(String memberId, String phone, long sequence, String sourceFile) {
    return Row.withSchema(Members.SILVER)
        .withFieldValue(Members.CLIENT_ID, "acme")
        .withFieldValue(Members.MEMBER_ID, memberId)
        .withFieldValue(Members.PHONE, phone)
        .withFieldValue(Members.CREATION_DATE, LocalDate.of(2023, 12, 1))
        .withFieldValue(Members.SOURCE_FILE, sourceFile)
        .withFieldValue(Members.LINE_NUMBER, sequence)
        .withFieldValue(Members.RECORD_SEQUENCE, sequence)
        .withFieldValue(Members.RUN_ID, "run-" + sourceFile)
        .withFieldValue(Members.INGESTED_AT, Instant.parse("2024-01-05T10:00:00Z"))
        .build();
  }

  /** One load run: the table's current version, merged with a file, committed as the next version. */
  private static void load(Pipeline pipeline, TablePath table, String runId, List<Row> file) {
    MergeResult merged = MergeInput.of(
            pipeline.apply("ReadCurrent", ReadTable.current(table, Members.SILVER)),
            pipeline.apply("ReadFile", Create.of(file).withRowSchema(Members.SILVER)))
        .apply("Merge", MERGE);
    TableVersion.of(merged.snapshot(), merged.changes())
        .apply("Commit", CommitTableVersion.to(table, runId).withOperation("merge"));
  }

  @Test
  public void successiveLoadsCommitMergedRowsAndTheirChangeFeed() {
    TablePath table = Lake.at(tmp.getRoot().getPath()).silver("members");
    Row m1 = member("M1", "+16175550100", 1, "0105.csv");
    Row m2 = member("M2", null, 2, "0105.csv");
    Row m2Phone = member("M2", "+16175550199", 3, "0106.csv");
    Row m1Again = member("M1", "+16175550100", 4, "0106.csv");

    Pipeline first = Pipeline.create(TestPipeline.testingPipelineOptions());
    load(first, table, "run-1", List.of(m1, m2));
    first.run().waitUntilFinish();
    Pipeline second = Pipeline.create(TestPipeline.testingPipelineOptions());
    load(second, table, "run-2", List.of(m2Phone, m1Again));
    second.run().waitUntilFinish();

    assertThat(TableLog.of(table).latestVersion(), is(2L));
    assertThat(TableLog.of(table).read(2).changeRows(), is(1L));
    assertThat(ParquetTables.tableRows(table, Members.SILVER), containsInAnyOrder(m1, m2Phone));

    MergeResult third = MergeInput.of(
            p.apply("ReadCurrent", ReadTable.current(table, Members.SILVER)),
            p.apply("ReadFile", Create.of(m2Phone, m1Again).withRowSchema(Members.SILVER)))
        .apply("Merge", MERGE);
    PAssert.that(third.snapshot()).containsInAnyOrder(m1, m2Phone);
    PAssert.that(third.changes()).empty();
    PAssert.that(third.outcomes()).containsInAnyOrder(KV.of("0106.csv", "unchanged"), KV.of("0106.csv", "unchanged"));
    PAssert.that(p.apply("ReadChanges", ReadTable.changes(table, CHANGES, 0))).containsInAnyOrder(
        changeRow("insert", null, m1),
        changeRow("insert", null, m2),
        changeRow("update", m2, m2Phone));
    p.run();
  }

  private static Row changeRow(String type, Row before, Row after) {
    String beforeHash = before == null ? null : RowHashes.hash(before, Members.LINEAGE_COLUMNS);
    return Row.withSchema(CHANGES)
        .addValues(type, beforeHash, RowHashes.hash(after, Members.LINEAGE_COLUMNS))
        .addValues(after.getValues())
        .build();
  }
}
