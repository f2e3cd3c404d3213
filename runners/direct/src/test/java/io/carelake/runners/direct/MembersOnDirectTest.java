package io.carelake.runners.direct;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.carelake.pipelines.Compact;
import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.MembersConformance;
import io.carelake.pipelines.conformance.MembersStreamingConformance;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.ParquetTables;
import io.carelake.transforms.tables.TableLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The bundled samples through the Direct runner jar's recommended configuration: the reference the Flink
 * and Spark conformance tests compare with, so its own books must balance; and the same deliveries
 * landing while a streaming run watches, which must give the same tables.
 */
@RunWith(JUnit4.class)
public class MembersOnDirectTest {
  /**
   * The reference: the Direct runner without its per-element immutability and encodability checks
   * (those run in the pipeline tests, on small inputs).
   */
  static final String[] DIRECT = {
      "--runner=DirectRunner", "--enforceImmutability=false", "--enforceEncodability=false", "--targetParallelism=2"};

  @ClassRule public static final TemporaryFolder TEMP = new TemporaryFolder();

  private static Path batchLake;
  private static LakeDump batch;

  @BeforeClass
  public static void runBatch() throws Exception {
    batchLake = TEMP.newFolder("batch").toPath();
    long started = System.nanoTime();
    batch = MembersConformance.run(batchLake, DIRECT);
    System.out.printf("conformance members batch: direct %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  private static long count(GenericRecord row, String column) {
    return (Long) row.get(column);
  }

  @Test
  public void everyRowReadIsCountedOnceAndSilverHoldsEveryInsertedMember() {
    Lake lake = Lake.at(batchLake.toString());
    List<GenericRecord> audit = ParquetTables.dataset(lake.audit("files"));
    long inserted = 0;
    for (GenericRecord file : audit) {
      if (file.get("status").toString().equals("processed")) {
        String name = file.get("file").toString();
        assertThat(name, count(file, "rows_read"), equalTo(count(file, "valid") + count(file, "quarantined")));
        assertThat(name, count(file, "valid"),
            equalTo(count(file, "inserted") + count(file, "updated") + count(file, "unchanged")));
        inserted += count(file, "inserted");
      }
    }
    assertThat((long) ParquetTables.table(lake.silver("members")).size(), equalTo(inserted));
    long quarantined = audit.stream().mapToLong(file -> count(file, "quarantined")).sum();
    assertThat(quarantined, greaterThan(0L));
    assertThat((long) ParquetTables.dataset(lake.quarantine("members")).size(), equalTo(quarantined));
    long read = audit.stream().mapToLong(file -> count(file, "rows_read")).sum();
    long unparsed = ParquetTables.dataset(lake.quarantine("members")).stream()
        .filter(bad -> bad.get("stage").toString().equals("parse")).count();
    assertThat((long) ParquetTables.dataset(lake.bronze("members")).size(), equalTo(read - unparsed));
  }

  @Test
  public void watchingTheLandingZoneGivesTheTablesOfBatchRuns() throws Exception {
    long started = System.nanoTime();
    Path root = TEMP.newFolder("streaming").toPath();
    MembersStreamingConformance.Result streaming = MembersStreamingConformance.run(root, DIRECT);
    System.out.printf("conformance members streaming: direct %.1f s; landing to silver: %s%n",
        (System.nanoTime() - started) / 1e9, MembersStreamingConformance.describe(streaming.landingToSilver()));

    Map<String, Set<String>> mayDiffer = MembersStreamingConformance.COMPARABLE_WITH_BATCH;
    assertThat(streaming.dump().without(mayDiffer).differencesFrom(batch.without(mayDiffer), 20), empty());

    // Compacting the appended log into a snapshot changes no row.
    Lake lake = Lake.at(root.toString());
    Optional<Long> compacted = Compact.compact(lake, "silver/members", PipelineOptionsFactory.fromArgs(DIRECT).create());
    assertThat(compacted.isPresent(), is(true));
    assertThat(TableLog.of(lake.silver("members")).read(compacted.get()).hasSnapshot(), is(true));
    assertThat(MembersConformance.dump(lake).tables(), equalTo(streaming.dump().tables()));
  }
}
