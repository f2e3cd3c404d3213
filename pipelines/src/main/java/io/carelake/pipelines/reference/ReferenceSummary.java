package io.carelake.pipelines.reference;

import io.carelake.pipelines.RunSummary;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import java.util.List;

/** The reference pipeline's tables, and what one of its runs did ({@link RunSummary}). */
public final class ReferenceSummary {
  private ReferenceSummary() {}

  public static RunSummary of(Lake lake, String runId) {
    return RunSummary.of(ReferencePipeline.NAME, lake, ReferencePipeline.AUDIT_DATASET, runId, tables(lake));
  }

  /** The tables the pipeline writes, silver and gold. */
  public static List<LakeTable> tables(Lake lake) {
    return List.of(lake.silver(ReferencePipeline.PROVIDER_HISTORY), lake.silver(ReferencePipeline.DIAGNOSIS_CODES),
        lake.silver(ReferencePipeline.PROCEDURE_CODES), lake.gold(ReferencePipeline.DIM_PROVIDER),
        lake.gold(ReferencePipeline.DIM_DIAGNOSIS), lake.gold(ReferencePipeline.DIM_PROCEDURE));
  }
}
