package io.carelake.runners.direct;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.MembersConformance;
import io.carelake.pipelines.conformance.MembersStreamingConformance;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.TableMaintenance;
import io.carelake.transforms.tables.TableRows;
import io.carelake.transforms.tables.TableSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.values.Row;
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

  private static long count(Row row, String column) {
    return row.getInt64(column);
  }

  @Test
  public void everyRowReadIsCountedOnceAndSilverHoldsEveryInsertedMember() {
    Lake lake = Lake.at(batchLake.toString());
    List<Row> audit = TableRows.read(lake.audit("landing_files"));
    long inserted = 0;
    for (Row file : audit) {
      if (file.getString("status").equals("processed")) {
        String name = file.getString("file");
        assertThat(name, count(file, "rows_read"), equalTo(count(file, "valid") + count(file, "quarantined")));
        assertThat(name, count(file, "valid"),
            equalTo(count(file, "inserted") + count(file, "updated") + count(file, "unchanged")));
        inserted += count(file, "inserted");
      }
    }
    assertThat((long) TableRows.read(lake.silver("members")).size(), equalTo(inserted));
    long quarantined = audit.stream().mapToLong(file -> count(file, "quarantined")).sum();
    assertThat(quarantined, greaterThan(0L));
    assertThat((long) TableRows.read(lake.quarantine("members")).size(), equalTo(quarantined));
    long read = audit.stream().mapToLong(file -> count(file, "rows_read")).sum();
    long unparsed = TableRows.read(lake.quarantine("members")).stream()
        .filter(bad -> bad.getString("stage").equals("parse")).count();
    assertThat((long) TableRows.read(lake.bronze("members")).size(), equalTo(read - unparsed));
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

    // Every window was one commit of silver, named by the run and the window.
    Lake lake = Lake.at(root.toString());
    LakeTable silver = lake.silver("members");
    List<TableSnapshot> windows = silver.history();
    assertThat(windows.size(), greaterThan(2));
    assertThat(windows.stream().map(TableSnapshot::commitId).toList(), everyItem(startsWith("conformance-day-")));
    assertThat(windows.stream().filter(window -> window.commitId().contains("@")).toList(), hasSize(windows.size()));

    // Maintenance folds the windows' small files and deletes into few files and changes no row.
    for (LakeTable table : lake.tables()) {
      TableMaintenance.compact(table);
      TableMaintenance.expireSnapshots(table, Duration.ZERO, 1);
    }
    assertThat(silver.history(), hasSize(1));
    assertThat(MembersConformance.dump(lake).tables(), equalTo(streaming.dump().tables()));
  }
}
