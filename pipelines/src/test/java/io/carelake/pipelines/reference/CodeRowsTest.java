package io.carelake.pipelines.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carelake.pipelines.members.ConfigException;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Reference;
import io.carelake.schemas.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Clinical Tables codes typed into diagnosis and procedure rows, checked by the shipped code rules. */
@RunWith(JUnit4.class)
public class CodeRowsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LandingFile FILE = LandingFile.builder().setPath("/l/hcpcs_20261202_2.jsonl")
      .setName("hcpcs_20261202_2.jsonl").setSizeBytes(1).setClientId("hcpcs").setDeliveryDate("2026-12-02").setPart(2)
      .build();
  private static final CodeRows ROWS = new CodeRows(CodeRules.shipped(), "run-1", Instant.EPOCH);

  private static CodeRows.Typed type(ApiSource system, String record) throws IOException {
    return ROWS.type(system, CodeDraft.of(JSON.readTree(record)), FILE, 3001);
  }

  @Test
  public void icd10CodeTakesTheDisplayName() throws IOException {
    CodeRows.Typed typed = type(ApiSource.ICD10CM,
        "{\"code\":\"E11.9\",\"display\":[\"E11.9\",\"Type 2 diabetes mellitus without complications\"]}");

    Row row = typed.row();
    assertThat(row.getString(Reference.CODE), is("E11.9"));
    assertThat(row.getString(Reference.DESCRIPTION), is("Type 2 diabetes mellitus without complications"));
    assertThat(row.getInt64(Reference.LINE_NUMBER), is(3001L));
    assertThat(row.getInt64(Reference.RECORD_SEQUENCE),
        is(LocalDate.of(2026, 12, 2).toEpochDay() * 1_000_000_000_000L + 2 * 1_000_000_000L + 3001));
  }

  @Test
  public void icd10CodesOutsideTheFormatAreRejected() throws IOException {
    for (String code : new String[] {"E11.", "e11.9", "E1", "A15.00000", "99213", "E11.9-"}) {
      CodeRows.Typed typed = type(ApiSource.ICD10CM, "{\"code\":\"" + code + "\",\"display\":[\"x\",\"name\"]}");
      assertThat(code, typed.row(), nullValue());
      assertThat(code, ruleIds(typed), contains("code.format"));
    }
    for (String code : new String[] {"A00", "A15.0", "S52.521A", "Z3A.01", "O09.A0", "U07.1", "U09.9", "C4A.9"}) {
      assertThat(code, type(ApiSource.ICD10CM, "{\"code\":\"" + code + "\",\"display\":[\"x\",\"n\"]}").violations(),
          is(empty()));
    }
  }

  @Test
  public void hcpcsCodeWithExtraFields() throws IOException {
    CodeRows.Typed typed = type(ApiSource.HCPCS, "{\"code\":\"E0470\",\"display\":[\"E0470\",\"Respiratory assist "
        + "device\"],\"short_desc\":\"Rad w/o backup non-inv intfc\",\"long_desc\":\"Respiratory assist device, bi-level "
        + "pressure capability\",\"add_dt\":\"20200101\",\"act_eff_dt\":\"2020-01-01\",\"term_dt\":null,"
        + "\"obsolete\":false}");

    Row row = typed.row();
    assertThat(row.getString(Reference.DESCRIPTION), is("Respiratory assist device, bi-level pressure capability"));
    assertThat(row.getString(Reference.SHORT_DESCRIPTION), is("Rad w/o backup non-inv intfc"));
    assertThat(row.getLogicalTypeValue(Reference.ADDED_DATE, LocalDate.class), is(LocalDate.of(2020, 1, 1)));
    assertThat(row.getLogicalTypeValue(Reference.EFFECTIVE_DATE, LocalDate.class), is(LocalDate.of(2020, 1, 1)));
    assertThat(row.getValue(Reference.TERMINATION_DATE), nullValue());
    assertThat(row.getBoolean(Reference.OBSOLETE), is(false));
  }

  @Test
  public void hcpcsWithoutExtraFieldsFallsBackOnTheDisplayName() throws IOException {
    Row row = type(ApiSource.HCPCS, "{\"code\":\"A4206\",\"display\":[\"A4206\",\"Syringe\"]}").row();
    assertThat(row.getString(Reference.DESCRIPTION), is("Syringe"));
    assertThat(row.getValue(Reference.OBSOLETE), nullValue());
  }

  @Test
  public void hcpcsBadCodeDatesAndFlagAreEachReported() throws IOException {
    CodeRows.Typed typed = type(ApiSource.HCPCS, "{\"code\":\"99213\",\"display\":[\"99213\",\"Office visit\"],"
        + "\"add_dt\":\"20200230\",\"term_dt\":\"2020\",\"obsolete\":\"maybe\"}");
    assertThat(typed.row(), nullValue());
    assertThat(ruleIds(typed), contains("code.format", "added_date.date_format", "termination_date.date_format",
        "obsolete.format"));
    assertThat(ruleIds(type(ApiSource.HCPCS, "{\"code\":\"A4206\"}")), contains("description.required"));
    assertThat(ruleIds(type(ApiSource.HCPCS, "{\"display\":[null,\"x\"]}")), contains("code.required"));
  }

  @Test
  public void ruleFileErrorsNameTheFileAndField() {
    ConfigException system = assertThrows(ConfigException.class, () -> parse("rules:\n  - {system: cpt, column: code, "
        + "required: true}\n"));
    assertThat(system.getMessage(), containsString("t.yaml: rules[0].system"));
    ConfigException column = assertThrows(ConfigException.class, () -> parse("rules:\n  - {system: icd10cm, column: "
        + "short_description, required: true}\n"));
    assertThat(column.getMessage(), containsString("rules[0].column"));
    ConfigException kinds = assertThrows(ConfigException.class, () -> parse("rules:\n  - {system: hcpcs, column: code, "
        + "required: true, regex: x}\n"));
    assertThat(kinds.getMessage(), containsString("exactly one of"));
    assertThrows(ConfigException.class, () -> parse("rules: []\n"));
  }

  private static CodeRules parse(String yaml) throws IOException {
    return CodeRules.parse("t.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static java.util.List<String> ruleIds(CodeRows.Typed typed) {
    return typed.violations().stream().map(Violation::getRuleId).collect(Collectors.toList());
  }
}
