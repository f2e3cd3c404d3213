package io.carelake.runners.dataflow;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.carelake.pipelines.PipelineCatalog;
import io.carelake.pipelines.WatchOptions;
import io.carelake.pipelines.members.MembersPipeline;
import io.carelake.pipelines.reference.ReferencePipeline;
import io.carelake.pipelines.staffing.StaffingPipeline;
import io.carelake.runners.dataflow.OfflineDataflow.Translation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.util.ReleaseInfo;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * Every catalogued pipeline translates for Dataflow, on the legacy workers and on runner v2, in batch and in
 * streaming, offline (see {@link OfflineDataflow}): the job type, the pipeline's key steps and the worker
 * images are what the service would get.
 *
 * <p>Where the steps are differs: a legacy job lists its primitive steps in the job JSON, each with its full
 * name ({@code ListLandingFiles/MatchLandingZone/...}) as {@code properties.user_name.value}, so a composite shows
 * only as a name prefix; a runner v2 job has no steps in its JSON at all, its graph is the portable pipeline
 * staged as {@code pipeline.pb} (named by the {@code pipelineUrl} option), whose root transforms are the
 * pipeline's top-level composites.
 */
@RunWith(Parameterized.class)
public class DataflowTranslationTest {
  /** Dataflow's two kinds of worker. */
  enum Engine {
    LEGACY,
    RUNNER_V2("--experiments=use_runner_v2");

    final List<String> flags;

    Engine(String... flags) {
      this.flags = List.of(flags);
    }

    /** Dataflow's default image for a job translated on Java 17 (the runner picks it by the JVM's version). */
    String defaultImage(Mode mode) {
      String name = this == RUNNER_V2 ? "beam_java17_sdk" : "beam-java17-" + (mode.streaming() ? "streaming" : "batch");
      return "gcr.io/cloud-dataflow/v1beta3/" + name + ":" + ReleaseInfo.getReleaseInfo().getSdkVersion();
    }
  }

  /**
   * Batch, streaming that lists the landing zone, and streaming fed by Cloud Storage notifications through
   * Pub/Sub (the subscription must then appear in the job).
   */
  enum Mode {
    BATCH("JOB_TYPE_BATCH"),
    STREAMING("JOB_TYPE_STREAMING", "--streaming=true", "--pollIntervalSeconds=30", "--windowSeconds=60"),
    STREAMING_NOTIFIED("JOB_TYPE_STREAMING", "--streaming=true", "--landingNotifications=" + Mode.SUBSCRIPTION);

    static final String SUBSCRIPTION = "projects/carelake-test/subscriptions/landing-members";

    final String jobType;
    final List<String> flags;

    Mode(String jobType, String... flags) {
      this.jobType = jobType;
      this.flags = List.of(flags);
    }

    boolean streaming() {
      return this != BATCH;
    }
  }

  /** Top-level steps of each pipeline that batch and streaming runs both have. */
  private static final Map<String, List<String>> KEY_STEPS = Map.of(MembersPipeline.NAME, List.of(
      "ListLandingFiles", "ReadRosters", "CommitBronze", "CommitQuarantine", "MergeIntoSilver", "CommitSilverMembers",
      "WriteAudit"),
      StaffingPipeline.NAME, List.of("ListLandingFiles", "FreshLandingFiles", "ReadPbj", "ReadProviderInfo",
          "CommitBronze", "CommitQuarantine", "MergeSilverDaily", "CommitSilverDaily", "MergeSilverProviderInfo",
          "BuildGold", "WriteGold_facility_dim", "CommitGold_daily_staffing_fact", "WriteReport", "WriteAudit"),
      ReferencePipeline.NAME, List.of("ListLandingFiles", "FreshLandingFiles", "ReadNppesBulk", "ReadApiLandings",
          "CommitBronze", "CommitQuarantine", "ReadSilverProviderHistory", "MergeSilverProviderHistory",
          "CommitSilverProviderHistory", "MergeSilverDiagnoses", "CommitSilverDiagnoses", "MergeSilverProcedures",
          "CommitSilverProcedures", "ToDimProvider", "WriteGold_dim_provider", "ToDimDiagnosis",
          "WriteGold_dim_diagnosis", "ToDimProcedure", "WriteGold_dim_procedure", "WriteAudit", "WriteAlerts"));

  /**
   * Top-level steps only a batch run (reads only the partitions of its clients) or only a streaming run
   * (windows its files; commits per window; rebuilds gold from silver read again) has.
   */
  private static final Map<String, List<String>> BATCH_STEPS =
      Map.of(MembersPipeline.NAME, List.of("DistinctClients"), StaffingPipeline.NAME, List.of(), ReferencePipeline.NAME,
          List.of());
  private static final Map<String, List<String>> STREAMING_STEPS = Map.of(MembersPipeline.NAME,
      List.of("WindowLandingFiles"), StaffingPipeline.NAME,
      List.of("WindowLandingFiles", "RereadSilverDaily", "RereadSilverProviderInfo"), ReferencePipeline.NAME,
      List.of("WindowLandingFiles"));

  @ClassRule public static final TemporaryFolder TEMP = new TemporaryFolder();

  /** One translation per case, shared by the case's tests. */
  private static final Map<String, Translation> TRANSLATIONS = new HashMap<>();

  @Parameters(name = "{0} {1} {2}")
  public static List<Object[]> cases() {
    List<Object[]> cases = new ArrayList<>();
    for (PipelineCatalog.Entry pipeline : PipelineCatalog.all()) {
      for (Engine engine : Engine.values()) {
        for (Mode mode : Mode.values()) {
          // A pipeline that cannot watch the landing zone runs in batch only.
          if (mode.streaming() && !WatchOptions.class.isAssignableFrom(pipeline.options())) {
            continue;
          }
          cases.add(new Object[] {pipeline.name(), engine, mode});
        }
      }
    }
    return cases;
  }

  @Parameter(0) public String pipeline;
  @Parameter(1) public Engine engine;
  @Parameter(2) public Mode mode;

  private Translation translation() throws Exception {
    String name = pipeline + "-" + engine + "-" + mode;
    if (!TRANSLATIONS.containsKey(name)) {
      List<String> flags = new ArrayList<>(engine.flags);
      flags.addAll(mode.flags);
      TRANSLATIONS.put(name, OfflineDataflow.translate(PipelineCatalog.named(pipeline).orElseThrow(),
          TEMP.newFolder(name).toPath(), flags));
    }
    return TRANSLATIONS.get(name);
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText())
        .collect(Collectors.toList());
  }

  @Test
  public void jobTypeIsTheMode() throws Exception {
    assertThat(translation().job().path("type").asText(), equalTo(mode.jobType));
  }

  @Test
  public void keyStepsAreInTheJob() throws Exception {
    List<String> keySteps = KEY_STEPS.get(pipeline);
    assertThat("no key steps listed for pipeline " + pipeline + " in KEY_STEPS", keySteps != null);
    Translation translation = translation();
    List<String> topLevel;
    if (engine == Engine.LEGACY) {
      topLevel = StreamSupport.stream(translation.job().path("steps").spliterator(), false)
          .map(step -> step.path("properties").path("user_name").path("value").asText().split("/", 2)[0])
          .distinct().collect(Collectors.toList());
    } else {
      assertThat(translation.job().path("steps").size(), equalTo(0));
      assertThat(translation.job().path("environment").path("sdkPipelineOptions").path("options")
          .path("pipelineUrl").asText(), equalTo(OfflineDataflow.STAGING_LOCATION + "/pipeline.pb"));
      topLevel = translation.pipeline().getRootTransformIdsList().stream()
          .map(id -> translation.pipeline().getComponents().getTransformsOrThrow(id).getUniqueName())
          .collect(Collectors.toList());
    }
    assertThat(topLevel, hasItems(keySteps.toArray(String[]::new)));
    List<String> modeSteps = (mode.streaming() ? STREAMING_STEPS : BATCH_STEPS).get(pipeline);
    assertThat(topLevel, hasItems(modeSteps.toArray(String[]::new)));
    for (String otherModeStep : (mode.streaming() ? BATCH_STEPS : STREAMING_STEPS).get(pipeline)) {
      assertThat(topLevel, not(hasItem(otherModeStep)));
    }
  }

  @Test
  public void notifiedRunsReadTheirSubscriptionAndListedRunsDoNot() throws Exception {
    Translation translation = translation();
    String job = translation.job().toString() + (engine == Engine.RUNNER_V2 ? translation.pipeline().toString() : "");
    assertThat(job.contains(Mode.SUBSCRIPTION), equalTo(mode == Mode.STREAMING_NOTIFIED));
  }

  @Test
  public void workersRunDataflowsDefaultJava17Image() throws Exception {
    JsonNode workerPools = translation().job().path("environment").path("workerPools");
    assertThat(texts(workerPools, "workerHarnessContainerImage"), everyItem(equalTo(engine.defaultImage(mode))));
    List<String> sdkImages = new ArrayList<>();
    workerPools.forEach(pool -> sdkImages.addAll(texts(pool.path("sdkHarnessContainerImages"), "containerImage")));
    assertThat(sdkImages, not(empty()));
    assertThat(sdkImages, everyItem(equalTo(engine.defaultImage(mode))));
  }
}
