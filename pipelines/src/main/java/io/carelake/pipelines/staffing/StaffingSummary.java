package io.carelake.pipelines.staffing;

import io.carelake.pipelines.RunSummary;
import io.carelake.transforms.aggregate.BuildStaffingGold;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import java.util.ArrayList;
import java.util.List;

/** The staffing pipeline's tables, and what one of its runs did ({@link RunSummary}). */
public final class StaffingSummary {
  private StaffingSummary() {}

  public static RunSummary of(Lake lake, String runId) {
    return RunSummary.of(StaffingPipeline.NAME, lake, StaffingPipeline.AUDIT_DATASET, runId, tables(lake));
  }

  /** The tables the pipeline writes, silver and gold. */
  public static List<LakeTable> tables(Lake lake) {
    List<LakeTable> tables = new ArrayList<>();
    tables.add(lake.silver(StaffingPipeline.DAILY_TABLE));
    tables.add(lake.silver(StaffingPipeline.PROVIDER_TABLE));
    BuildStaffingGold.TABLES.keySet().forEach(name -> tables.add(lake.gold(name)));
    return tables;
  }
}
