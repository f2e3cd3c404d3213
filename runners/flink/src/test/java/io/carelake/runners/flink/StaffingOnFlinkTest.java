package io.carelake.runners.flink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.StaffingConformance;
import io.carelake.pipelines.conformance.StaffingStreamingConformance;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The staffing pipeline on embedded Flink writes the same silver, gold, audit and quarantine as the Direct
 * runner, in batch and watching its landing zone.
 */
@RunWith(JUnit4.class)
public class StaffingOnFlinkTest {
  /** The Direct reference, writing in shards: it makes a bundle of every key after a grouping. */
  private static final String[] DIRECT =
      Stream.concat(Arrays.stream(MembersOnFlinkTest.DIRECT), Stream.of("--writeShards=4")).toArray(String[]::new);

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void flinkWritesTheSameTablesAsDirect() throws Exception {
    long started = System.nanoTime();
    LakeDump direct = StaffingConformance.run(temp.newFolder("direct").toPath(), DIRECT);
    long directDone = System.nanoTime();
    LakeDump flink = StaffingConformance.run(temp.newFolder("flink").toPath(), MembersOnFlinkTest.FLINK);
    long flinkDone = System.nanoTime();
    LakeDump streaming = StaffingStreamingConformance.run(temp.newFolder("flink-streaming").toPath(),
        MembersOnFlinkTest.FLINK);
    System.out.printf("conformance staffing: direct %.1f s, flink %.1f s, flink streaming %.1f s%n",
        (directDone - started) / 1e9, (flinkDone - directDone) / 1e9, (System.nanoTime() - flinkDone) / 1e9);
    assertThat(flink.differencesFrom(direct, 10), empty());
    assertThat(flink.tables(), equalTo(direct.tables()));
    assertThat(streaming.differencesFrom(direct, 10), empty());
    assertThat(streaming.tables(), equalTo(direct.tables()));
  }
}
