package io.carelake.pipelines.conformance;

import io.carelake.pipelines.staffing.StaffingGenerator;
import io.carelake.pipelines.staffing.StaffingOptions;
import io.carelake.pipelines.staffing.StaffingPipeline;
import io.carelake.pipelines.staffing.StaffingSummary;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Runs the staffing pipeline on its generated samples in a fresh lake with the given runner flags, twice:
 * the first week's PBJ delivery and Provider Info, then the second week's resend, which merges into the
 * silver the first run wrote and rebuilds gold. Dumps every table.
 */
public final class StaffingConformance {
  private StaffingConformance() {}

  public static LakeDump run(Path workDir, String... runnerArgs) throws IOException {
    Path root = Files.createDirectories(workDir);
    StaffingGenerator.samples(root);
    Path landing = root.resolve("landing").resolve(StaffingPipeline.NAME);
    HeldDeliveries held = HeldDeliveries.holding(deliveries(landing).inOrder(), root.resolve("held"));
    for (int delivery = 0; delivery < held.count(); delivery++) {
      held.landAll(delivery, landing);
      StaffingPipeline.run(options(root, runId(delivery), List.of(), runnerArgs)).waitUntilFinish();
    }
    return dump(Lake.at(root.toString()));
  }

  /** The run id of the run over a delivery (counted from 0): the same in batch and streaming. */
  static String runId(int delivery) {
    return "conformance-run-" + (delivery + 1);
  }

  /** The samples' files: the first run's (the first PBJ delivery and Provider Info) and the PBJ resends. */
  record Deliveries(List<Path> first, List<Path> resends) {
    List<List<Path>> inOrder() {
      return List.of(first, resends);
    }
  }

  /** The files in {@code landing}, in name order, as the conformance runs deliver them. */
  static Deliveries deliveries(Path landing) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(landing)) {
      files = listed.sorted().toList();
    }
    // Every PBJ delivery after the first waits for the second run.
    List<Path> resends = files.stream().filter(file -> file.getFileName().toString().startsWith("pbj_")).skip(1)
        .toList();
    return new Deliveries(files.stream().filter(file -> !resends.contains(file)).toList(), resends);
  }

  /** A run's options: the lake, the run id, then {@code pipelineArgs} and {@code runnerArgs}. */
  static StaffingOptions options(Path root, String runId, List<String> pipelineArgs, String... runnerArgs) {
    List<String> args = new ArrayList<>(List.of("--lake=" + root, "--runId=" + runId));
    args.addAll(pipelineArgs);
    args.addAll(Arrays.asList(runnerArgs));
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).withValidation().as(StaffingOptions.class);
  }

  /** Every table the staffing pipeline writes. */
  public static LakeDump dump(Lake lake) {
    List<LakeTable> tables = new ArrayList<>(StaffingSummary.tables(lake));
    tables.add(lake.bronze(StaffingPipeline.NAME));
    tables.add(lake.quarantine(StaffingPipeline.NAME));
    tables.add(lake.audit(StaffingPipeline.AUDIT_DATASET));
    tables.add(lake.alerts(StaffingPipeline.ALERTS_DATASET));
    return LakeDump.of(tables);
  }
}
