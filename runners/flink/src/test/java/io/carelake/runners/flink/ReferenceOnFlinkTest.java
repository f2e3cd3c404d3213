package io.carelake.runners.flink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.ReferenceConformance;
import io.carelake.pipelines.conformance.ReferenceStreamingConformance;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The reference pipeline on embedded Flink writes the same bronze, quarantine, provider history, provider
 * dimension and audit as the Direct runner, in batch and watching its landing zone.
 */
@RunWith(JUnit4.class)
public class ReferenceOnFlinkTest {
  /** The Direct reference, writing in shards: it makes a bundle of every key after a grouping. */
  private static final String[] DIRECT =
      Stream.concat(Arrays.stream(MembersOnFlinkTest.DIRECT), Stream.of("--writeShards=2")).toArray(String[]::new);

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void flinkWritesTheSameTablesAsDirect() throws Exception {
    long started = System.nanoTime();
    LakeDump direct = ReferenceConformance.run(temp.newFolder("direct").toPath(), DIRECT);
    long directDone = System.nanoTime();
    LakeDump flink = ReferenceConformance.run(temp.newFolder("flink").toPath(), MembersOnFlinkTest.FLINK);
    long flinkDone = System.nanoTime();
    LakeDump streaming = ReferenceStreamingConformance.run(temp.newFolder("flink-streaming").toPath(),
        MembersOnFlinkTest.FLINK);
    System.out.printf("conformance reference: direct %.1f s, flink %.1f s, flink streaming %.1f s%n",
        (directDone - started) / 1e9, (flinkDone - directDone) / 1e9, (System.nanoTime() - flinkDone) / 1e9);
    assertThat(flink.differencesFrom(direct, 10), empty());
    assertThat(flink.tables(), equalTo(direct.tables()));

    LakeDump comparable = streaming.without(ReferenceStreamingConformance.COMPARABLE_WITH_BATCH);
    LakeDump expected = direct.without(ReferenceStreamingConformance.COMPARABLE_WITH_BATCH);
    assertThat(comparable.differencesFrom(expected, 10), empty());
    assertThat(comparable.tables(), equalTo(expected.tables()));
  }
}
