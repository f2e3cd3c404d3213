package io.carelake.pipelines.conformance;

import io.carelake.pipelines.SampleLake;
import io.carelake.pipelines.members.MembersOptions;
import io.carelake.pipelines.members.MembersPipeline;
import io.carelake.transforms.tables.Lake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Runs the members pipeline on the bundled samples in a fresh lake with the given runner flags, one run per
 * delivery day (so the second run merges into the silver table the first wrote), and dumps every table.
 * The key is fixed so that tokens, and so the dumps, can be compared across runners.
 */
public final class MembersConformance {
  private static final String FIXED_TEST_KEY = "conformance-only-key-0123456789abcdef0123456789\n";

  private MembersConformance() {}

  /** Rows per sample roster: every case of the samples, little enough for the Direct runner. */
  static final int ROWS_PER_FILE = 30;

  public static LakeDump run(Path workDir, String... runnerArgs) throws IOException {
    Path root = Files.createDirectories(workDir);
    Path key = writeTestKey(root);
    for (int day = 1; day <= SampleLake.LAST_DAY; day++) {
      SampleLake.deliverMemberSamples(root, day, ROWS_PER_FILE);
      MembersPipeline.run(options(root, key, day, List.of(), runnerArgs)).waitUntilFinish();
    }
    return dump(Lake.at(root.toString()));
  }

  /** The members options of the run over the deliveries up to {@code day} in the lake at {@code root}. */
  static MembersOptions options(Path root, Path key, int day, List<String> modeArgs, String... runnerArgs) {
    List<String> args = new ArrayList<>(List.of("--lake=" + root, "--clientConfigDir=" + root.resolve("config/members"),
        "--tokenKeyRef=" + key, "--runId=" + runId(day)));
    args.addAll(modeArgs);
    args.addAll(Arrays.asList(runnerArgs));
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).withValidation().as(MembersOptions.class);
  }

  /** The run id of the run over the deliveries up to {@code day}: the same in batch and streaming. */
  static String runId(int day) {
    return "conformance-day-" + day;
  }

  static Path writeTestKey(Path root) throws IOException {
    Path key = root.resolve("conformance.key");
    Files.writeString(key, FIXED_TEST_KEY);
    return key;
  }

  /** Every table and dataset the members pipeline writes. */
  public static LakeDump dump(Lake lake) {
    return LakeDump.of(List.of(lake.silver(MembersPipeline.NAME), lake.bronze(MembersPipeline.NAME),
        lake.quarantine(MembersPipeline.NAME), lake.audit(MembersPipeline.AUDIT_DATASET),
        lake.alerts(MembersPipeline.ALERTS_DATASET)));
  }
}
