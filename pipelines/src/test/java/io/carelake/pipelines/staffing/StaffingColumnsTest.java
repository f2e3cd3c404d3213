package io.carelake.pipelines.staffing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import io.carelake.pipelines.members.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class StaffingColumnsTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void headerVariantsOfEveryYearFindTheSameColumns() {
    StaffingColumns columns = StaffingColumns.shipped();
    List<String> current = List.of(StaffingGenerator.PBJ_HEADER.split(","));
    List<String> of2017 = List.of(StaffingGenerator.PBJ_HEADER.toLowerCase()
        .replace("hrs_lpnadmin,", "hrs_lpn_admin,").replace("hrs_natrn,", "hrs_na_trn,")
        .replace("hrs_rndon,", "hrs_rn_donadmin,").split(","));
    for (List<String> header : List.of(current, of2017)) {
      StaffingColumns.Positions positions = columns.positionsIn(StaffingDatasets.PBJ, header);
      assertThat(positions.missingRequired().isEmpty(), is(true));
      assertThat(positions.positions().get("hrs_lpnadmin"), is(18));
      assertThat(positions.positions().get("hrs_natrn"), is(27));
      assertThat(positions.positions().get("hrs_rndon"), is(9));
    }
    StaffingColumns.Positions old = columns.positionsIn(StaffingDatasets.PROVIDER_INFO,
        List.of("Federal Provider Number", "Processing Date"));
    assertThat(old.positions().get("ccn"), is(0));
    StaffingColumns.Positions missing = columns.positionsIn(StaffingDatasets.PBJ, List.of("PROVNUM", "WorkDate"));
    assertThat(missing.missingRequired(), contains("mds_census (mdscensus)"));
  }

  @Test
  public void aConfiguredFileReplacesTheShippedNamesAndIsChecked() throws Exception {
    Path file = temp.newFile("columns.yaml").toPath();
    Files.writeString(file, "pbj:\n  required: [ccn]\n  columns:\n    ccn: [FACILITY]\n"
        + "provider_info:\n  columns:\n    ccn: [CCN]\n");
    StaffingColumns columns = StaffingColumns.load(file.toString());
    assertThat(columns.positionsIn(StaffingDatasets.PBJ, List.of("x", "facility")).positions().get("ccn"), is(1));

    Files.writeString(file, "pbj:\n  columns:\n    beds: [X]\nprovider_info:\n  columns:\n    ccn: [CCN]\n");
    ConfigException unknown = assertThrows(ConfigException.class, () -> StaffingColumns.load(file.toString()));
    assertThat(unknown.getMessage(), startsWith(file + ": pbj: columns.beds: not a column of the table"));
  }
}
