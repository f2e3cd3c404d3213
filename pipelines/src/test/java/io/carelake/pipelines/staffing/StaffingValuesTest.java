package io.carelake.pipelines.staffing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.carelake.schemas.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class StaffingValuesTest {
  private final List<Violation> violations = new ArrayList<>();

  @Test
  public void ccnsGetBackTheZerosASpreadsheetTookAndStaySixCharacters() {
    assertThat(StaffingValues.ccn("15392.0", "ccn", violations), is("015392"));
    assertThat(StaffingValues.ccn("15392", "ccn", violations), is("015392"));
    assertThat(StaffingValues.ccn(" 015392 ", "ccn", violations), is("015392"));
    assertThat(StaffingValues.ccn("67A123", "ccn", violations), is("67A123"));
    assertThat(StaffingValues.ccn("1.3999999999999998e+248", "ccn", violations), is("14E247"));
    assertThat(StaffingValues.ccn("3.8e+158", "ccn", violations), is("38E157"));
    assertThat(StaffingValues.ccn("", "ccn", violations), nullValue());
    assertThat(violations, empty());
    assertThat(StaffingValues.ccn("1234567", "ccn", violations), nullValue());
    assertThat(StaffingValues.ccn("15392.5", "ccn", violations), nullValue());
    assertThat(ruleIds(), contains("staffing.ccn", "staffing.ccn"));
  }

  @Test
  public void numbersParseOrAreReportedNeverSilentlyNull() {
    assertThat(StaffingValues.amount("38.28", "hrs_rn", violations), is(38.28));
    assertThat(StaffingValues.amount("92.0", "mds_census", violations), is(92.0));
    assertThat(StaffingValues.amount("  ", "hrs_rn", violations), nullValue());
    assertThat(StaffingValues.number("-87.736", "longitude", violations), is(-87.736));
    assertThat(violations, empty());
    assertThat(StaffingValues.amount("n/a", "mds_census", violations), nullValue());
    assertThat(StaffingValues.amount("NaN", "hrs_rn", violations), nullValue());
    assertThat(StaffingValues.amount("1e999", "hrs_rn", violations), nullValue());
    assertThat(StaffingValues.amount("-1.5", "hrs_rn", violations), nullValue());
    assertThat(ruleIds(), contains("staffing.number", "staffing.number", "staffing.number", "staffing.negative"));
    assertThat(violations.get(0).getField(), is("mds_census"));
  }

  @Test
  public void decimalsAreWhatCmsFilesWriteAndNothingElseJavaParses() {
    for (String decimal : List.of("0", "38.28", "-87.736", "+1", ".5", "5.", "1e3", "2.5E-2")) {
      assertThat(decimal, StaffingValues.isDecimal(decimal), is(true));
    }
    for (String other : List.of("", "-", ".", "1e", "0x1p3", "1d", "NaN", "Infinity", "1,5", "1.2.3", "1e12345")) {
      assertThat(other, StaffingValues.isDecimal(other), is(false));
    }
  }

  @Test
  public void wholeNumbersAcceptASpreadsheetsZeroFraction() {
    assertThat(StaffingValues.integer("57", "certified_beds", violations), is(57));
    assertThat(StaffingValues.integer("57.0", "certified_beds", violations), is(57));
    assertThat(violations, empty());
    assertThat(StaffingValues.integer("57.5", "certified_beds", violations), nullValue());
    assertThat(StaffingValues.integer("many", "certified_beds", violations), nullValue());
    assertThat(ruleIds(), contains("staffing.integer", "staffing.integer"));
  }

  @Test
  public void datesInEveryShapeCmsFilesUse() {
    assertThat(StaffingValues.date("20250329", "work_date", violations), is(LocalDate.of(2025, 3, 29)));
    assertThat(StaffingValues.date("2025-03-29", "work_date", violations), is(LocalDate.of(2025, 3, 29)));
    assertThat(StaffingValues.date("10/25/2022", "processing_date", violations), is(LocalDate.of(2022, 10, 25)));
    assertThat(violations, empty());
    assertThat(StaffingValues.date("20250230", "work_date", violations), nullValue());
    assertThat(StaffingValues.date("20251301", "work_date", violations), nullValue());
    assertThat(StaffingValues.date("00000000", "work_date", violations), nullValue());
    assertThat(StaffingValues.date("2025032", "work_date", violations), nullValue());
    assertThat(StaffingValues.date("2025O329", "work_date", violations), nullValue());
    assertThat(ruleIds(), contains("staffing.date", "staffing.date", "staffing.date", "staffing.date", "staffing.date"));
    assertThat(StaffingValues.quarterOf(LocalDate.of(2024, 12, 31)), is("2024Q4"));
  }

  private List<String> ruleIds() {
    return violations.stream().map(Violation::getRuleId).toList();
  }
}
