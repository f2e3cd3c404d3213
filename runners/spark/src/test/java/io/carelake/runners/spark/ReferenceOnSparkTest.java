package io.carelake.runners.spark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.Assert.assertThrows;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.ReferenceConformance;
import io.carelake.pipelines.reference.ReferenceOptions;
import io.carelake.pipelines.reference.ReferencePipeline;
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
 * The reference pipeline on Spark local writes the same tables as the Direct runner, and its provider
 * history and dimension are Iceberg tables that Spark SQL reads with Iceberg's own Spark runtime.
 */
@RunWith(JUnit4.class)
public class ReferenceOnSparkTest {
  /** The Direct reference, writing in shards: it makes a bundle of every key after a grouping. */
  private static final String[] DIRECT =
      Stream.concat(Arrays.stream(MembersOnSparkTest.DIRECT), Stream.of("--writeShards=2")).toArray(String[]::new);

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void sparkWritesTheSameTablesAsDirectAndSparkSqlReadsThem() throws Exception {
    long started = System.nanoTime();
    LakeDump direct = ReferenceConformance.run(temp.newFolder("direct").toPath(), DIRECT);
    long directDone = System.nanoTime();
    Path sparkLake = temp.newFolder("spark").toPath();
    LakeDump spark = ReferenceConformance.run(sparkLake, "--runner=TestSparkRunner", "--sparkMaster=local[2]");
    System.out.printf("conformance reference: direct %.1f s, spark %.1f s%n", (directDone - started) / 1e9,
        (System.nanoTime() - directDone) / 1e9);
    assertThat(spark.differencesFrom(direct, 10), empty());
    assertThat(spark.tables(), equalTo(direct.tables()));

    Lake lake = Lake.at(sparkLake.toString());
    Map<String, String> queries = new TreeMap<>();
    List<String> tables = List.of("gold." + ReferencePipeline.DIM_PROVIDER, "silver." + ReferencePipeline.PROVIDER_HISTORY);
    tables.forEach(table -> queries.put(table, "SELECT * FROM lake." + table));
    // What an analyst asks of a type 2 dimension: the providers in force, by state.
    queries.put("current by state", "SELECT practice_state, count(*) AS providers FROM lake.gold."
        + ReferencePipeline.DIM_PROVIDER + " WHERE is_current GROUP BY practice_state");
    Map<String, List<String>> bySpark = SparkSqlReads.query(lake.root(), queries, temp.newFolder("spark-sql").toPath());
    for (String table : tables) {
      assertThat(table, bySpark.get(table).size(), greaterThan(0));
      assertThat(table, bySpark.get(table), equalTo(SparkSqlReads.rendered(TableRows.read(lake.table(table)))));
    }
    long current = bySpark.get("current by state").stream()
        .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf('=') + 1))).sum();
    assertThat(current, equalTo(TableRows.read(lake.gold(ReferencePipeline.DIM_PROVIDER)).stream()
        .filter(row -> row.getBoolean("is_current")).count()));
  }

  @Test
  public void watchingOnClassicSparkIsRefusedWithAClearMessage() throws Exception {
    ReferenceOptions options = PipelineOptionsFactory.fromArgs("--runner=SparkRunner", "--sparkMaster=local[2]",
        "--lake=" + temp.newFolder("watching"), "--streaming=true").withValidation().as(ReferenceOptions.class);

    UnsupportedOperationException refused =
        assertThrows(UnsupportedOperationException.class, () -> ReferencePipeline.run(options));

    assertThat(refused.getMessage(), containsString("--streaming: runner SparkRunner cannot watch a landing zone"));
  }
}
