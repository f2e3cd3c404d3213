package io.carelake.pipelines.reference;

import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.TableRows;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;

/** What one reference run did, read back from the lake: files and records from the audit, rows per table. */
public final class ReferenceSummary {
  private final Lake lake;
  private final String runId;
  private final List<Row> audit;

  private ReferenceSummary(Lake lake, String runId, List<Row> audit) {
    this.lake = lake;
    this.runId = runId;
    this.audit = audit;
  }

  public static ReferenceSummary of(Lake lake, String runId) {
    List<Row> audit = TableRows.read(lake.audit(ReferencePipeline.AUDIT_DATASET)).stream()
        .filter(row -> runId.equals(row.getString("run_id"))).toList();
    return new ReferenceSummary(lake, runId, audit);
  }

  public long total(String column) {
    return audit.stream().mapToLong(row -> row.getInt64(column)).sum();
  }

  /** The tables the pipeline writes, silver and gold. */
  public static List<LakeTable> tables(Lake lake) {
    return List.of(lake.silver(ReferencePipeline.PROVIDER_HISTORY), lake.silver(ReferencePipeline.DIAGNOSIS_CODES),
        lake.silver(ReferencePipeline.PROCEDURE_CODES), lake.gold(ReferencePipeline.DIM_PROVIDER),
        lake.gold(ReferencePipeline.DIM_DIAGNOSIS), lake.gold(ReferencePipeline.DIM_PROCEDURE));
  }

  public String render() {
    Map<String, Long> byStatus = new TreeMap<>();
    audit.forEach(row -> byStatus.merge(row.getString("status"), 1L, Long::sum));
    StringBuilder out = new StringBuilder();
    out.append("CareLake reference run ").append(runId).append('\n');
    out.append(String.format("  files        %d %s%n", audit.size(), byStatus));
    out.append(String.format("  rows read    %d%n", total("rows_read")));
    out.append(String.format("  valid        %d%n", total("valid")));
    out.append(String.format("  quarantined  %d%n", total("quarantined")));
    out.append(String.format("  silver       %d inserted, %d updated, %d unchanged%n",
        total("inserted"), total("updated"), total("unchanged")));
    for (Row row : audit) {
      String status = row.getString("status");
      if (status.equals("rejected") || status.equals("failed")) {
        out.append(String.format("    %-34s %-17s %s%n", row.getString("file"), status, row.getString("error")));
      }
    }
    out.append("  tables (rows)\n");
    for (LakeTable table : tables(lake)) {
      out.append(String.format("    %-30s %8s%n", table, table.exists() ? table.rowCount() : "-"));
    }
    return out.toString();
  }
}
