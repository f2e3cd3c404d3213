package io.carelake.pipelines.conformance;

import io.carelake.pipelines.staffing.StaffingGenerator;
import io.carelake.pipelines.staffing.StaffingOptions;
import io.carelake.pipelines.staffing.StaffingPipeline;
import io.carelake.transforms.tables.Lake;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The staffing pipeline watching its landing zone while {@link StaffingConformance}'s files land in it one
 * after the other: the first PBJ delivery and Provider Info in a first streaming run, the PBJ resend in a
 * second run started on the same lake. Each run ends on its own once no file has landed for a while. With
 * the batch runs' run ids, the lake must be the batch runs' lake: every file is merged in a window of its
 * own or with files of the other dataset, gold is rebuilt from the whole of silver after each window, and
 * so the last window's gold is the batch run's.
 */
public final class StaffingStreamingConformance {
  private StaffingStreamingConformance() {}

  public static LakeDump run(Path workDir, String... runnerArgs) throws Exception {
    Path root = Files.createDirectories(workDir);
    StaffingGenerator.samples(root);
    Path landing = root.resolve("landing").resolve(StaffingPipeline.NAME);
    HeldDeliveries held =
        HeldDeliveries.holding(StaffingConformance.deliveries(landing).inOrder(), root.resolve("held"));
    for (int delivery = 0; delivery < held.count(); delivery++) {
      StaffingOptions options = StaffingConformance.options(root, StaffingConformance.runId(delivery),
          HeldDeliveries.STREAMING_ARGS, runnerArgs);
      held.landWhileWatching(delivery, landing, HeldDeliveries.BETWEEN_FILES,
          () -> StaffingPipeline.run(options).waitUntilFinish());
    }
    return StaffingConformance.dump(Lake.at(root.toString()));
  }
}
