package io.carelake.runners.direct;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.ReferenceConformance;
import io.carelake.pipelines.conformance.ReferenceStreamingConformance;
import io.carelake.pipelines.reference.ReferencePipeline;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The reference samples landing while a streaming run watches give the provider history and dimension of the
 * batch runs, and the batch runs' books balance.
 */
@RunWith(JUnit4.class)
public class ReferenceOnDirectTest {
  /** Writing in shards: the Direct runner makes a bundle of every key after a grouping. */
  private static final String[] DIRECT =
      Stream.concat(Arrays.stream(MembersOnDirectTest.DIRECT), Stream.of("--writeShards=2")).toArray(String[]::new);

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void watchingTheLandingZoneGivesTheTablesOfBatchRuns() throws Exception {
    long started = System.nanoTime();
    Path batchLake = temp.newFolder("batch").toPath();
    LakeDump batch = ReferenceConformance.run(batchLake, DIRECT);
    long batchDone = System.nanoTime();
    LakeDump streaming = ReferenceStreamingConformance.run(temp.newFolder("streaming").toPath(), DIRECT);
    System.out.printf("conformance reference: direct batch %.1f s, streaming %.1f s%n", (batchDone - started) / 1e9,
        (System.nanoTime() - batchDone) / 1e9);

    assertBooksBalance(Lake.at(batchLake.toString()));
    LakeDump comparable = streaming.without(ReferenceStreamingConformance.COMPARABLE_WITH_BATCH);
    LakeDump expected = batch.without(ReferenceStreamingConformance.COMPARABLE_WITH_BATCH);
    assertThat(comparable.differencesFrom(expected, 10), empty());
    assertThat(comparable.tables(), equalTo(expected.tables()));
  }

  /**
   * Each file processed once (the second run finds the first delivery's four files again and skips them),
   * every record read valid or quarantined, and the quarantine holding every quarantined record.
   */
  private static void assertBooksBalance(Lake lake) {
    List<Row> audit = TableRows.read(lake.audit(ReferencePipeline.AUDIT_DATASET));
    assertThat(audit.stream().map(file -> file.getString("status")).sorted().toList(),
        equalTo(List.of("processed", "processed", "processed", "processed", "processed", "processed", "processed",
            "skipped_duplicate", "skipped_duplicate", "skipped_duplicate", "skipped_duplicate")));
    for (Row file : audit) {
      String name = file.getString("file");
      assertThat(name, file.getInt64("rows_read"), equalTo(file.getInt64("valid") + file.getInt64("quarantined")));
    }
    long quarantined = audit.stream().mapToLong(file -> file.getInt64("quarantined")).sum();
    assertThat(quarantined, greaterThan(0L));
    assertThat((long) TableRows.read(lake.quarantine(ReferencePipeline.NAME)).size(), equalTo(quarantined));
    assertThat(lake.gold(ReferencePipeline.DIM_PROVIDER).rowCount(), greaterThan(0L));
    assertThat(lake.gold(ReferencePipeline.DIM_DIAGNOSIS).rowCount(), equalTo(3L));
    assertThat(lake.gold(ReferencePipeline.DIM_PROCEDURE).rowCount(), equalTo(2L));
  }
}
