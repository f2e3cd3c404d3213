package io.carelake.pipelines.staffing.report;

import io.carelake.pipelines.staffing.report.ReportRows.FacilityHprd;
import io.carelake.pipelines.staffing.report.ReportRows.FacilityOccupancy;
import io.carelake.pipelines.staffing.report.ReportRows.StateHprd;
import io.carelake.pipelines.staffing.report.ReportRows.StateMix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.values.Row;

/**
 * The staffing pipeline's report: one static HTML page of the gold tables (HPRD by state and by
 * facility, staffing mix, staffing against occupancy) with inline SVG charts and sortable tables, for an
 * analyst to open from disk or attach to a mail.
 */
public final class StaffingReport {
  private StaffingReport() {}

  /** The report as one self-contained HTML page: no network, no server, opens from disk. */
  public static String render(String title, List<Row> hprdByState, List<Row> hprdByFacility,
      List<Row> staffingMix, List<Row> staffingVsOccupancy) {
    return new ReportPage(title, Instant.now(),
        ReportRows.read(hprdByState, StateHprd::of),
        ReportRows.read(hprdByFacility, FacilityHprd::of),
        ReportRows.read(staffingMix, StateMix::of),
        ReportRows.read(staffingVsOccupancy, FacilityOccupancy::of)).html();
  }

  /** Writes render(...) to file (creating parent dirs), returns the path. */
  public static Path write(Path file, String title, List<Row> hprdByState, List<Row> hprdByFacility,
      List<Row> staffingMix, List<Row> staffingVsOccupancy) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return Files.writeString(file, render(title, hprdByState, hprdByFacility, staffingMix, staffingVsOccupancy),
        StandardCharsets.UTF_8);
  }
}
