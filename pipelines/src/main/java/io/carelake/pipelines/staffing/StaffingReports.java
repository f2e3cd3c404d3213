package io.carelake.pipelines.staffing;

import io.carelake.pipelines.staffing.report.StaffingReport;
import io.carelake.transforms.aggregate.BuildStaffingGold;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.Row;

/** The staffing report of a lake, from its gold tables, written where the user asked (any Beam filesystem). */
public final class StaffingReports {
  static final String TITLE = "Nursing-home staffing";

  private StaffingReports() {}

  /** Where the report of {@code lake} goes: {@code location}, or if empty {@code <lake>/reports/staffing.html}. */
  public static String location(Lake lake, String location) {
    return location == null || location.isBlank() ? lake.root() + "/reports/staffing.html" : location.strip();
  }

  /**
   * Writes the report of the lake's gold tables as they are now.
   *
   * @param location where to write it; empty: {@code <lake>/reports/staffing.html}
   * @return where it was written
   */
  public static String write(Lake lake, String location) throws IOException {
    String target = location(lake, location);
    String html = StaffingReport.render(TITLE, gold(lake, BuildStaffingGold.HPRD_BY_STATE),
        gold(lake, BuildStaffingGold.HPRD_BY_FACILITY), gold(lake, BuildStaffingGold.STAFFING_MIX),
        gold(lake, BuildStaffingGold.STAFFING_VS_OCCUPANCY));
    if (!target.contains("://")) {
      java.nio.file.Files.createDirectories(java.nio.file.Path.of(target).toAbsolutePath().getParent());
    }
    try (OutputStream out = Channels.newOutputStream(
        FileSystems.create(FileSystems.matchNewResource(target, false), MimeTypes.TEXT))) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
    return target;
  }

  private static List<Row> gold(Lake lake, String table) {
    return lake.gold(table).exists() ? TableRows.read(lake.gold(table)) : List.of();
  }
}
