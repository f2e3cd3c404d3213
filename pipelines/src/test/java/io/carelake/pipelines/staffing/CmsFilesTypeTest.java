package io.carelake.pipelines.staffing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assume.assumeTrue;

import io.carelake.pipelines.acceptance.ReferenceData;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Staffing;
import io.carelake.schemas.Violation;
import io.carelake.transforms.extract.CsvFileReader;
import io.carelake.transforms.extract.Utf8OrWindows1252;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Every record of CMS's published samples (../shared/reference-data/nursing_home) types into its silver row
 * with no violation: the 1,500 PBJ days with pandas' float CCNs ({@code 15392.0}) and ISO dates, and the
 * Provider Info rows with their mixed quoting. Skipped where that folder is absent.
 */
@RunWith(JUnit4.class)
public class CmsFilesTypeTest {
  @Test
  public void everyPbjDayOfTheSampleTypes() throws Exception {
    List<String> problems = new ArrayList<>();
    List<Row> rows = typeAll(StaffingDatasets.PBJ, "pbj_daily_nurse_staffing/pbj_sample.csv", "pbj_20250701.csv",
        problems);
    // The sample's own Has_Provider_ID column marks 11 days Missing_ID: those, and only those, are quarantined.
    assertThat(problems.size(), is(11));
    assertThat(problems.stream().allMatch(problem -> problem.endsWith(" staffing.required ccn")), is(true));
    assertThat(rows.size(), is(1500 - 11));
    // CCNs with an E that pandas read as powers of ten get their E back; their state codes are right.
    assertThat(rows.stream().filter(row -> row.getString(Staffing.CCN).equals("14E247")).findFirst()
        .orElseThrow().getString(Staffing.STATE), is("IL"));
    assertThat(rows.stream().filter(row -> row.getDouble(Staffing.CENSUS) == null).count(), is(2L));
    Row first = rows.get(0);
    assertThat(first.getString(Staffing.CCN), is("676345"));
    assertThat(first.getString(Staffing.CY_QTR), is("2025Q1"));
    assertThat(first.getDouble("hrs_cna"), is(129.58));
    assertThat(rows.get(1).getString(Staffing.CCN), is("015392"));
  }

  @Test
  public void everyProviderInfoRowOfTheSampleTypes() throws Exception {
    List<String> problems = new ArrayList<>();
    List<Row> rows = typeAll(StaffingDatasets.PROVIDER_INFO, "nh_provider_info/NH_ProviderInfo_Jul2025.head6.csv",
        "provider_info_20250701.csv", problems);
    assertThat(problems, empty());
    assertThat(rows.size(), is(5));
    Row burns = rows.get(0);
    assertThat(burns.getString(Staffing.CCN), is("015009"));
    assertThat(burns.getString(Staffing.PROVIDER_NAME), is("BURNS NURSING HOME, INC."));
    assertThat(burns.getInt32(Staffing.CERTIFIED_BEDS), is(57));
    assertThat(burns.getDouble("avg_residents_per_day"), is(44.6));
    assertThat(burns.getDouble("longitude"), is(-87.736));
  }

  private static List<Row> typeAll(String dataset, String sample, String landingName, List<String> problems)
      throws Exception {
    Path folder = ReferenceData.folder("nursing_home");
    assumeTrue("no reference data", folder != null);
    Path file = folder.resolve(sample);
    LandingFile landing = LandingFile.builder().setPath(file.toString()).setName(landingName)
        .setSizeBytes(Files.size(file)).setClientId(dataset).setDeliveryDate("2025-07-01").setPart(0).build();
    SilverStaffingRows silver = new SilverStaffingRows(dataset, "acceptance", Instant.now());
    StaffingColumns columns = StaffingColumns.shipped();
    List<Row> rows = new ArrayList<>();
    String problem = new CsvFileReader(',', Utf8OrWindows1252.charset(), 1 << 20).read(landing,
        new CsvFileReader.Records() {
          @Override
          public void record(long line, List<String> header, List<String> values, String text) {
            List<Violation> violations = new ArrayList<>();
            StaffingColumns.Positions positions = columns.positionsIn(dataset, header);
            Row row = StaffingDatasets.PBJ.equals(dataset)
                ? silver.pbj(landing, line, positions, values, violations)
                : silver.providerInfo(landing, line, positions, values, violations);
            violations.forEach(violation -> problems.add(line + " " + violation.getRuleId() + " " + violation.getField()));
            if (row != null) {
              rows.add(row);
            }
          }

          @Override
          public void badRecord(long line, List<Violation> violations, String text) {
            violations.forEach(violation -> problems.add(line + " " + violation.getRuleId()));
          }
        });
    assertThat(problem, nullValue());
    return rows;
  }
}
