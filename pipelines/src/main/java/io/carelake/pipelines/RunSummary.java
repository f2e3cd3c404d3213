package io.carelake.pipelines;

import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.TableRows;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;

/**
 * What one run of a pipeline did, read back from the lake: files and records from its audit rows, rows per
 * table it writes. Printed at the end of a run and by the benchmarks.
 */
public final class RunSummary {
  private final String pipeline;
  private final String runId;
  private final List<Row> audit;
  private final List<LakeTable> tables;

  private RunSummary(String pipeline, String runId, List<Row> audit, List<LakeTable> tables) {
    this.pipeline = pipeline;
    this.runId = runId;
    this.audit = audit;
    this.tables = tables;
  }

  /**
   * @param auditDataset the audit table the pipeline writes its file rows to
   * @param tables the silver and gold tables the pipeline writes
   */
  public static RunSummary of(String pipeline, Lake lake, String auditDataset, String runId, List<LakeTable> tables) {
    List<Row> audit = TableRows.read(lake.audit(auditDataset)).stream()
        .filter(row -> runId.equals(row.getString("run_id"))).toList();
    return new RunSummary(pipeline, runId, audit, List.copyOf(tables));
  }

  /** The sum of an audit count column (rows_read, valid, quarantined, inserted, ...) over the run's files. */
  public long total(String column) {
    return audit.stream().mapToLong(row -> row.getInt64(column)).sum();
  }

  public String render() {
    Map<String, Long> byStatus = new TreeMap<>();
    audit.forEach(row -> byStatus.merge(row.getString("status"), 1L, Long::sum));
    StringBuilder out = new StringBuilder();
    out.append("CareLake ").append(pipeline).append(" run ").append(runId).append('\n');
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
    for (LakeTable table : tables) {
      out.append(String.format("    %-30s %8s%n", table, table.exists() ? table.rowCount() : "-"));
    }
    return out.toString();
  }
}
