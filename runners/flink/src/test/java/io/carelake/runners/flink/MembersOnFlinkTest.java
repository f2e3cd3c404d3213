package io.carelake.runners.flink;

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

/** The members pipeline gives the same tables on embedded Flink as on the Direct runner. */
@RunWith(JUnit4.class)
public class MembersOnFlinkTest {
  /**
   * The reference: the Direct runner without its per-element immutability and encodability checks
   * (those run in the pipeline tests, on small inputs).
   */
  static final String[] DIRECT = {
      "--runner=DirectRunner", "--enforceImmutability=false", "--enforceEncodability=false", "--targetParallelism=2"};

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void flinkWritesTheSameTablesAsDirect() throws Exception {
    long start = System.nanoTime();
    LakeDump direct = MembersConformance.run(temp.newFolder("direct").toPath(), DIRECT);
    long directDone = System.nanoTime();
    LakeDump flink = MembersConformance.run(temp.newFolder("flink").toPath(),
        "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
    long flinkDone = System.nanoTime();
    System.out.printf("conformance members: direct %.1f s, flink %.1f s%n",
        (directDone - start) / 1e9, (flinkDone - directDone) / 1e9);
    assertThat(flink.differencesFrom(direct, 10), empty());
    assertThat(flink.tables(), equalTo(direct.tables()));
  }
}
