package io.carelake.pipelines.conformance;

import io.carelake.pipelines.reference.ReferenceOptions;
import io.carelake.pipelines.reference.ReferencePipeline;
import io.carelake.pipelines.reference.ReferenceSamples;
import io.carelake.pipelines.reference.ReferenceSummary;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Runs the reference pipeline on its samples in a fresh lake with the given runner flags, once per delivery:
 * the monthly NPPES file, then the weekly increment and a late file, which merge into the provider history
 * the first run wrote. Dumps every table.
 */
public final class ReferenceConformance {
  /** Small read splits, so that every runner reads each file in several parts. */
  static final List<String> PIPELINE_ARGS = List.of("--readSplitBytes=16384");

  private ReferenceConformance() {}

  public static LakeDump run(Path workDir, String... runnerArgs) throws IOException {
    Path root = Files.createDirectories(workDir);
    Path landing = ReferenceSamples.landing(root);
    HeldDeliveries held = HeldDeliveries.holding(ReferenceSamples.writeTo(landing), root.resolve("held"));
    for (int delivery = 0; delivery < held.count(); delivery++) {
      held.landAll(delivery, landing);
      ReferencePipeline.run(options(root, runId(delivery), List.of(), runnerArgs)).waitUntilFinish();
    }
    return dump(Lake.at(root.toString()));
  }

  /** The run id of the run over a delivery (counted from 0): the same in batch and streaming. */
  static String runId(int delivery) {
    return "conformance-run-" + (delivery + 1);
  }

  /** A run's options: the lake, the run id, the conformance's own, then {@code modeArgs} and {@code runnerArgs}. */
  static ReferenceOptions options(Path root, String runId, List<String> modeArgs, String... runnerArgs) {
    List<String> args = new ArrayList<>(List.of("--lake=" + root, "--runId=" + runId));
    args.addAll(PIPELINE_ARGS);
    args.addAll(modeArgs);
    args.addAll(Arrays.asList(runnerArgs));
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).withValidation().as(ReferenceOptions.class);
  }

  /** Every table the reference pipeline writes. */
  public static LakeDump dump(Lake lake) {
    List<LakeTable> tables = new ArrayList<>(ReferenceSummary.tables(lake));
    tables.add(lake.bronze(ReferencePipeline.NAME));
    tables.add(lake.quarantine(ReferencePipeline.NAME));
    tables.add(lake.audit(ReferencePipeline.AUDIT_DATASET));
    tables.add(lake.alerts(ReferencePipeline.ALERTS_DATASET));
    return LakeDump.of(tables);
  }
}
