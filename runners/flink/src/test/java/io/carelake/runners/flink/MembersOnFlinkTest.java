package io.carelake.runners.flink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.MembersConformance;
import io.carelake.pipelines.conformance.MembersStreamingConformance;
import java.util.Map;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The members pipeline on embedded Flink, batch and streaming, against the Direct batch reference. */
@RunWith(JUnit4.class)
public class MembersOnFlinkTest {
  /**
   * The reference: the Direct runner without its per-element immutability and encodability checks
   * (those run in the pipeline tests, on small inputs).
   */
  static final String[] DIRECT = {
      "--runner=DirectRunner", "--enforceImmutability=false", "--enforceEncodability=false", "--targetParallelism=2"};
  static final String[] FLINK = {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"};

  @ClassRule public static final TemporaryFolder TEMP = new TemporaryFolder();

  private static LakeDump direct;

  @BeforeClass
  public static void runDirectReference() throws Exception {
    long started = System.nanoTime();
    direct = MembersConformance.run(TEMP.newFolder("direct").toPath(), DIRECT);
    System.out.printf("conformance members batch: direct %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  @Test
  public void flinkWritesTheSameTablesAsDirect() throws Exception {
    long started = System.nanoTime();
    LakeDump flink = MembersConformance.run(TEMP.newFolder("flink").toPath(), FLINK);
    System.out.printf("conformance members batch: flink %.1f s%n", (System.nanoTime() - started) / 1e9);
    assertThat(flink.differencesFrom(direct, 10), empty());
    assertThat(flink.tables(), equalTo(direct.tables()));
  }

  @Test
  public void flinkWatchingTheLandingZoneGivesTheTablesOfBatchRuns() throws Exception {
    long started = System.nanoTime();
    MembersStreamingConformance.Result streaming =
        MembersStreamingConformance.run(TEMP.newFolder("flink-streaming").toPath(), FLINK);
    System.out.printf("conformance members streaming: flink %.1f s; landing to silver: %s%n",
        (System.nanoTime() - started) / 1e9, MembersStreamingConformance.describe(streaming.landingToSilver()));

    Map<String, Set<String>> mayDiffer = MembersStreamingConformance.COMPARABLE_WITH_BATCH;
    assertThat(streaming.dump().without(mayDiffer).differencesFrom(direct.without(mayDiffer), 20), empty());
  }
}
