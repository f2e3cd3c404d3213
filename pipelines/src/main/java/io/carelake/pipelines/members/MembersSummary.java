package io.carelake.pipelines.members;

import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.TableRows;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;

/** What one run did, read back from the lake's own audit and alerts: files, rows, changes, alerts, paths. */
public final class MembersSummary {
  private final Lake lake;
  private final String runId;
  private final List<Row> audit;
  private final List<Row> alerts;

  private MembersSummary(Lake lake, String runId, List<Row> audit, List<Row> alerts) {
    this.lake = lake;
    this.runId = runId;
    this.audit = audit;
    this.alerts = alerts;
  }

  public static MembersSummary of(Lake lake, String runId) {
    return new MembersSummary(lake, runId,
        ofRun(TableRows.read(lake.audit(MembersPipeline.AUDIT_DATASET)), runId),
        ofRun(TableRows.read(lake.alerts(MembersPipeline.ALERTS_DATASET)), runId));
  }

  private static List<Row> ofRun(List<Row> rows, String runId) {
    return rows.stream().filter(row -> runId.equals(row.getString("run_id"))).toList();
  }

  public long total(String column) {
    return audit.stream().mapToLong(row -> row.getInt64(column)).sum();
  }

  public Map<String, Long> filesByStatus() {
    Map<String, Long> byStatus = new TreeMap<>();
    audit.forEach(row -> byStatus.merge(row.getString("status"), 1L, Long::sum));
    return byStatus;
  }

  public int alertCount() {
    return alerts.size();
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("CareLake members run ").append(runId).append('\n');
    out.append(String.format("  files        %d %s%n", audit.size(), filesByStatus()));
    out.append(String.format("  rows read    %d%n", total("rows_read")));
    out.append(String.format("  valid        %d%n", total("valid")));
    out.append(String.format("  quarantined  %d%n", total("quarantined")));
    out.append(String.format("  silver       %d inserted, %d updated, %d unchanged%n",
        total("inserted"), total("updated"), total("unchanged")));
    out.append(String.format("  alerts       %d%n", alertCount()));
    for (Row row : audit) {
      String status = row.getString("status");
      if (status.equals("rejected") || status.equals("failed")) {
        out.append(String.format("    %-34s %-17s %s%n", row.getString("file"), status, row.getString("error")));
      }
    }
    out.append("  tables\n");
    for (LakeTable table : List.of(lake.silver(MembersPipeline.NAME), lake.bronze(MembersPipeline.NAME),
        lake.quarantine(MembersPipeline.NAME), lake.audit(MembersPipeline.AUDIT_DATASET),
        lake.alerts(MembersPipeline.ALERTS_DATASET))) {
      out.append(String.format("    %-21s %s%n", table, table.exists() ? table.location() : "(not created)"));
    }
    return out.toString();
  }
}
