package io.carelake.runners.dataflow;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.carelake.pipelines.PipelineCatalog;
import io.carelake.pipelines.members.MembersPipeline;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** A custom SDK image (with native libraries, say) reaches the runner v2 job in place of the default. */
@RunWith(JUnit4.class)
public class DataflowSdkContainerImageTest {
  private static final String IMAGE = "europe-west1-docker.pkg.dev/carelake-offline/images/carelake-sdk:1.0";

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void runnerV2WorkersRunTheGivenSdkImage() throws Exception {
    JsonNode pool = OfflineDataflow.translate(PipelineCatalog.named(MembersPipeline.NAME).orElseThrow(),
            temp.getRoot().toPath(), List.of("--experiments=use_runner_v2", "--sdkContainerImage=" + IMAGE))
        .job().path("environment").path("workerPools").path(0);
    assertThat(pool.path("workerHarnessContainerImage").asText(), equalTo(IMAGE));
    assertThat(pool.path("sdkHarnessContainerImages").path(0).path("containerImage").asText(), equalTo(IMAGE));
  }
}
