package io.carelake.pipelines.conformance;

import io.carelake.pipelines.reference.ReferenceOptions;
import io.carelake.pipelines.reference.ReferencePipeline;
import io.carelake.pipelines.reference.ReferenceSamples;
import io.carelake.transforms.tables.ChangeFeed;
import io.carelake.transforms.tables.Lake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The reference pipeline watching its landing zone while {@link ReferenceConformance}'s files land in it one
 * after the other: the monthly file in a first streaming run, the weekly increment and then the late file in
 * a second run started on the same lake, far enough apart that the late file is merged in a later window than
 * the increment it is older than. Each run ends on its own once no file has landed for a while.
 *
 * <p>The runs use the batch runs' run ids, and a key's history depends only on the set of records merged, so
 * the lake must be the batch runs' lake, with the exceptions {@link #COMPARABLE_WITH_BATCH} names.
 */
public final class ReferenceStreamingConformance {
  private ReferenceStreamingConformance() {}

  /**
   * What may differ from the batch runs' lake, by table. The late file is merged a window after the increment,
   * so a provider both change is merged twice where the batch run merged it once. Its history rows are the
   * same, but their change columns tell the second change (an update, with the first window's row as the
   * before image) where the batch's tell the only one (an insert when the provider was new); silver and the
   * gold rows made from its change rows carry those columns. And a record's outcome is counted when it is
   * merged: an increment record equal to the version in force is unchanged in the first window, while the
   * batch, which sees the late version first, counts it as opening a version; the late file's records of a
   * provider new in the increment are updates, not inserts. So the audit's inserted, updated and unchanged
   * counts shift between the two files. The history columns, every other audit column, bronze, quarantine and
   * alerts must match exactly.
   */
  public static final Map<String, Set<String>> COMPARABLE_WITH_BATCH = Map.of(
      Lake.SILVER + "/" + ReferencePipeline.PROVIDER_HISTORY, Set.of(ChangeFeed.CHANGE_TYPE, ChangeFeed.BEFORE_HASH),
      Lake.GOLD + "/" + ReferencePipeline.DIM_PROVIDER, Set.of(ChangeFeed.CHANGE_TYPE, ChangeFeed.BEFORE_HASH),
      Lake.AUDIT + "/" + ReferencePipeline.AUDIT_DATASET, Set.of("inserted", "updated", "unchanged"));

  public static LakeDump run(Path workDir, String... runnerArgs) throws Exception {
    Path root = Files.createDirectories(workDir);
    Path landing = ReferenceSamples.landing(root);
    HeldDeliveries held = HeldDeliveries.holding(ReferenceSamples.writeTo(landing), root.resolve("held"));
    for (int delivery = 0; delivery < held.count(); delivery++) {
      ReferenceOptions options = ReferenceConformance.options(root, ReferenceConformance.runId(delivery),
          HeldDeliveries.STREAMING_ARGS, runnerArgs);
      held.landWhileWatching(delivery, landing, HeldDeliveries.WINDOWS_APART,
          () -> ReferencePipeline.run(options).waitUntilFinish());
    }
    return ReferenceConformance.dump(Lake.at(root.toString()));
  }
}
