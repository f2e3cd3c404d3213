package io.carelake.runners.spark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.Assert.assertThrows;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.StaffingConformance;
import io.carelake.pipelines.staffing.StaffingOptions;
import io.carelake.pipelines.staffing.StaffingPipeline;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The staffing pipeline on Spark local writes the same tables as the Direct runner, and its gold tables are
 * Iceberg tables that Spark SQL reads (and aggregates) with Iceberg's own Spark runtime.
 */
@RunWith(JUnit4.class)
public class StaffingOnSparkTest {
  /** The Direct reference, writing in shards: it makes a bundle of every key after a grouping. */
  private static final String[] DIRECT =
      Stream.concat(Arrays.stream(MembersOnSparkTest.DIRECT), Stream.of("--writeShards=4")).toArray(String[]::new);

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void sparkWritesTheSameTablesAsDirectAndSparkSqlQueriesGold() throws Exception {
    long started = System.nanoTime();
    LakeDump direct = StaffingConformance.run(temp.newFolder("direct").toPath(), DIRECT);
    long directDone = System.nanoTime();
    Path sparkLake = temp.newFolder("spark").toPath();
    LakeDump spark = StaffingConformance.run(sparkLake, "--runner=TestSparkRunner", "--sparkMaster=local[2]");
    System.out.printf("conformance staffing: direct %.1f s, spark %.1f s%n", (directDone - started) / 1e9,
        (System.nanoTime() - directDone) / 1e9);
    assertThat(spark.differencesFrom(direct, 10), empty());
    assertThat(spark.tables(), equalTo(direct.tables()));

    Lake lake = Lake.at(sparkLake.toString());
    Map<String, String> queries = new TreeMap<>();
    List<String> gold = List.of("gold.facility_dim", "gold.quarterly_provider_fact", "gold.hprd_by_state");
    gold.forEach(table -> queries.put(table, "SELECT * FROM lake." + table));
    // A query an analyst would run: facility-days per state, from the daily fact, by SQL.
    queries.put("days by state", "SELECT state, count(*) AS days FROM lake.gold.daily_staffing_fact GROUP BY state");
    Map<String, List<String>> bySpark = SparkSqlReads.query(lake.root(), queries, temp.newFolder("spark-sql").toPath());
    for (String table : gold) {
      assertThat(table, bySpark.get(table).size(), greaterThan(0));
      assertThat(table, bySpark.get(table), equalTo(SparkSqlReads.rendered(TableRows.read(lake.table(table)))));
    }
    long days = bySpark.get("days by state").stream()
        .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf('=') + 1))).sum();
    assertThat(days, equalTo(lake.gold("daily_staffing_fact").rowCount()));
  }

  @Test
  public void watchingOnClassicSparkIsRefusedWithAClearMessage() throws Exception {
    StaffingOptions options = PipelineOptionsFactory.fromArgs("--runner=SparkRunner", "--sparkMaster=local[2]",
        "--lake=" + temp.newFolder("watching"), "--streaming=true").withValidation().as(StaffingOptions.class);

    UnsupportedOperationException refused =
        assertThrows(UnsupportedOperationException.class, () -> StaffingPipeline.run(options));

    assertThat(refused.getMessage(), containsString("--streaming: runner SparkRunner cannot watch a landing zone"));
  }
}
