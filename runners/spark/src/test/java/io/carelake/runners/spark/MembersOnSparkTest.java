package io.carelake.runners.spark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.MembersConformance;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The members pipeline gives the same tables on Spark local as on the Direct runner. */
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
    LakeDump spark = MembersConformance.run(temp.newFolder("spark").toPath(),
        "--runner=TestSparkRunner", "--sparkMaster=local[2]");
    long sparkDone = System.nanoTime();
    System.out.printf("conformance members: direct %.1f s, spark %.1f s%n",
        (directDone - start) / 1e9, (sparkDone - directDone) / 1e9);
    assertThat(spark.differencesFrom(direct, 10), empty());
    assertThat(spark.tables(), equalTo(direct.tables()));
  }
}
