package io.carelake.runners.spark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.MembersConformance;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The members pipeline gives the same tables on Spark local as on the Direct runner, and those tables are
 * Iceberg tables that Spark SQL reads with Iceberg's own Spark runtime, row for row as CareLake reads them.
 */
@RunWith(JUnit4.class)
public class MembersOnSparkTest {
  /**
   * The reference: the Direct runner without its per-element immutability and encodability checks
   * (those run in the pipeline tests, on small inputs).
   */
  static final String[] DIRECT = {
      "--runner=DirectRunner", "--enforceImmutability=false", "--enforceEncodability=false", "--targetParallelism=2"};

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void sparkWritesTheSameTablesAsDirect() throws Exception {
    long start = System.nanoTime();
    LakeDump direct = MembersConformance.run(temp.newFolder("direct").toPath(), DIRECT);
    long directDone = System.nanoTime();
    Path sparkLake = temp.newFolder("spark").toPath();
    LakeDump spark = MembersConformance.run(sparkLake, "--runner=TestSparkRunner", "--sparkMaster=local[2]");
    long sparkDone = System.nanoTime();
    System.out.printf("conformance members: direct %.1f s, spark %.1f s%n",
        (directDone - start) / 1e9, (sparkDone - directDone) / 1e9);
    assertThat(spark.differencesFrom(direct, 10), empty());
    assertThat(spark.tables(), equalTo(direct.tables()));
    assertSparkSqlReadsWhatCareLakeReads(Lake.at(sparkLake.toString()));
  }

  private void assertSparkSqlReadsWhatCareLakeReads(Lake lake) throws Exception {
    List<String> tables = List.of("silver.members", "audit.landing_files", "quarantine.members");
    long firstRun = lake.silver("members").history().get(0).id();
    long secondRun = lake.silver("members").history().get(1).id();
    Map<String, String> queries = new TreeMap<>();
    tables.forEach(table -> queries.put(table, "SELECT * FROM lake." + table));
    // Time travel by SQL: silver as the first run left it.
    queries.put("silver.members@first", "SELECT * FROM lake.silver.members VERSION AS OF " + firstRun);
    // The change feed of the second run's version, as the README queries it.
    queries.put("silver.members changes@second", "SELECT m.* FROM lake.silver.members VERSION AS OF " + secondRun
        + " m JOIN lake.silver.members.entries e ON m._file = e.data_file.file_path"
        + " WHERE e.snapshot_id = " + secondRun + " AND e.status = 1");

    Map<String, List<String>> bySpark = SparkSqlReads.query(lake.root(), queries, temp.newFolder("spark-sql").toPath());

    for (String table : tables) {
      assertThat(table, bySpark.get(table).size(), greaterThan(0));
      assertThat(table, bySpark.get(table), equalTo(SparkSqlReads.rendered(TableRows.read(lake.table(table)))));
    }
    assertThat(bySpark.get("silver.members@first"),
        equalTo(SparkSqlReads.rendered(TableRows.readSnapshot(lake.silver("members"), firstRun))));
    assertThat(bySpark.get("silver.members changes@second").size(), greaterThan(0));
    assertThat(bySpark.get("silver.members changes@second"),
        equalTo(SparkSqlReads.rendered(TableRows.changesOf(lake.silver("members"), secondRun))));
  }
}
