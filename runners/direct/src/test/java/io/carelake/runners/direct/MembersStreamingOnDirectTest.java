package io.carelake.runners.direct;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.pipelines.conformance.MembersConformance;
import io.carelake.pipelines.conformance.MembersStreamingConformance;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Streaming on Direct, files landing while it runs, gives the lake of the batch runs over them. */
@RunWith(JUnit4.class)
public class MembersStreamingOnDirectTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void watchingTheLandingZoneGivesTheTablesOfBatchRuns() throws Exception {
    LakeDump batch = MembersConformance.run(temp.newFolder("batch").toPath(), MembersOnDirectTest.DIRECT);
    long started = System.nanoTime();
    MembersStreamingConformance.Result streaming =
        MembersStreamingConformance.run(temp.newFolder("streaming").toPath(), MembersOnDirectTest.DIRECT);
    System.out.printf("Direct streaming conformance: %.1f s; landing to silver: %s%n",
        (System.nanoTime() - started) / 1e9, MembersStreamingConformance.describe(streaming.landingToSilver()));

    Map<String, Set<String>> mayDiffer = MembersStreamingConformance.COMPARABLE_WITH_BATCH;
    assertThat(streaming.dump().without(mayDiffer).differencesFrom(batch.without(mayDiffer), 20), empty());
  }
}
