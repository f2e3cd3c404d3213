package io.carelake.runners.spark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertThrows;

import io.carelake.pipelines.SampleLake;
import io.carelake.pipelines.members.MembersOptions;
import io.carelake.pipelines.members.MembersPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The classic Spark runner cannot watch files: asking it to says so, before anything is read. */
@RunWith(JUnit4.class)
public class MembersStreamingOnSparkTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void watchingOnClassicSparkIsRefusedWithAClearMessage() throws Exception {
    Path lake = temp.newFolder("lake").toPath();
    SampleLake.deliverMemberSamples(lake, 1);
    Path key = Files.writeString(lake.resolve("test.key"), "streaming-on-spark-test-key-0123456789abcdef");
    MembersOptions options = PipelineOptionsFactory.fromArgs("--runner=SparkRunner", "--sparkMaster=local[2]",
        "--lake=" + lake, "--clientConfigDir=" + lake.resolve("config/members"), "--tokenKeyRef=" + key,
        "--streaming=true").withValidation().as(MembersOptions.class);

    UnsupportedOperationException refused =
        assertThrows(UnsupportedOperationException.class, () -> MembersPipeline.run(options));

    assertThat(refused.getMessage(), containsString("--streaming: runner SparkRunner cannot watch a landing zone"));
    assertThat(refused.getMessage(), containsString("Flink, Direct or Dataflow"));
  }
}
