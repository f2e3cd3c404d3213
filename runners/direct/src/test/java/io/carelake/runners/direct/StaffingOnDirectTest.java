package io.carelake.runners.direct;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.StaffingConformance;
import io.carelake.pipelines.conformance.StaffingStreamingConformance;
import io.carelake.pipelines.staffing.StaffingPipeline;
import io.carelake.transforms.aggregate.BuildStaffingGold;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The staffing samples landing while a streaming run watches give the tables of the batch runs, gold
 * included, and the report follows gold.
 */
@RunWith(JUnit4.class)
public class StaffingOnDirectTest {
  /** Writing in shards: the Direct runner makes a bundle of every key after a grouping. */
  private static final String[] DIRECT =
      Stream.concat(Arrays.stream(MembersOnDirectTest.DIRECT), Stream.of("--writeShards=4")).toArray(String[]::new);

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void watchingTheLandingZoneGivesTheTablesOfBatchRuns() throws Exception {
    long started = System.nanoTime();
    LakeDump batch = StaffingConformance.run(temp.newFolder("batch").toPath(), DIRECT);
    long batchDone = System.nanoTime();
    Path root = temp.newFolder("streaming").toPath();
    LakeDump streaming = StaffingStreamingConformance.run(root, DIRECT);
    System.out.printf("conformance staffing: direct batch %.1f s, streaming %.1f s%n", (batchDone - started) / 1e9,
        (System.nanoTime() - batchDone) / 1e9);

    assertThat(streaming.differencesFrom(batch, 10), empty());
    assertThat(streaming.tables(), equalTo(batch.tables()));
    // Gold was replaced window by window (at least once per run: files 1.5 s apart may share a 2 s window),
    // and the report written from it.
    Lake lake = Lake.at(root.toString());
    List<TableSnapshot> goldWindows = lake.gold(BuildStaffingGold.DAILY_FACT).history();
    assertThat(goldWindows.size(), greaterThanOrEqualTo(2));
    assertThat(goldWindows.stream().map(TableSnapshot::commitId).toList(), everyItem(containsString("@")));
    assertThat(Files.readString(root.resolve("reports").resolve(StaffingPipeline.NAME + ".html")).contains("<svg"),
        equalTo(true));
  }
}
