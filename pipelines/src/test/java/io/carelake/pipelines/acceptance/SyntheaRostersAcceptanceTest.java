package io.carelake.pipelines.acceptance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.Assume.assumeTrue;

import io.carelake.pipelines.members.MembersOptions;
import io.carelake.pipelines.members.MembersPipeline;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Synthea's synthetic patients (written by others, in the shared reference data) delivered as client
 * rosters: a US file whose states are full names, and a UK file that no US rule can accept. Skips when the
 * reference data is not beside the repository.
 */
@RunWith(JUnit4.class)
public class SyntheaRostersAcceptanceTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static final String SYNTHEA_CONFIG = String.join("\n",
      "client_id: %s",
      "date_formats: [\"yyyy-MM-dd\"]",
      "columns:",
      "  member_id: Id",
      "  first_name: FIRST",
      "  last_name: LAST",
      "  dob: BIRTHDATE",
      "  gender: GENDER",
      "  address_line_1: ADDRESS",
      "  city: CITY",
      "  state: STATE",
      "  zip: ZIP",
      "required: [member_id, last_name, dob, state]",
      "");

  @Test
  public void syntheaPatientsBecomeMembersOrQuarantineWithReasons() throws Exception {
    Path synthea = ReferenceData.folder("synthetic_members");
    assumeTrue("shared reference data not found", synthea != null);
    Path lake = temp.newFolder("lake").toPath();
    Path config = Files.createDirectories(lake.resolve("config/members"));
    Path landing = Files.createDirectories(lake.resolve("landing/members"));
    Files.writeString(config.resolve("synthea-ne.yaml"), String.format(SYNTHEA_CONFIG, "synthea-ne"));
    Files.writeString(config.resolve("synthea-uk.yaml"), String.format(SYNTHEA_CONFIG, "synthea-uk"));
    Files.copy(synthea.resolve("synthea_us_nebraska/patients.csv"), landing.resolve("synthea-ne_20250301.csv"));
    // The first 60 UK patients: enough to see every one quarantined, little enough for the Direct runner.
    Files.write(landing.resolve("synthea-uk_20250301.csv"),
        Files.readAllLines(synthea.resolve("synthea_uk/patients.csv")).subList(0, 61));
    Path key = lake.resolve("token.key");
    Files.writeString(key, "acceptance-test-key-0123456789abcdef0123456789\n");

    MembersOptions options = PipelineOptionsFactory.fromArgs("--lake=" + lake, "--clientConfigDir=" + config,
        "--tokenKeyRef=" + key, "--runId=acceptance", "--runner=DirectRunner",
        "--enforceImmutability=false", "--enforceEncodability=false").withValidation().as(MembersOptions.class);
    MembersPipeline.run(options).waitUntilFinish();

    Lake carelake = Lake.at(lake.toString());
    List<Row> audit = TableRows.read(carelake.audit("landing_files"));
    long usRows = Files.readAllLines(landing.resolve("synthea-ne_20250301.csv")).size() - 1;
    Row us = audit.stream().filter(row -> row.getValue("file").toString().startsWith("synthea-ne")).findFirst().orElseThrow();
    Row uk = audit.stream().filter(row -> row.getValue("file").toString().startsWith("synthea-uk")).findFirst().orElseThrow();
    assertThat(us.getValue("rows_read"), equalTo(usRows));
    assertThat(us.getValue("valid"), equalTo(usRows));
    assertThat(us.getValue("inserted"), equalTo(usRows));
    assertThat(uk.getValue("rows_read"), equalTo(60L));
    assertThat(uk.getValue("valid"), equalTo(0L));
    assertThat(uk.getValue("quarantined"), equalTo(uk.getValue("rows_read")));

    List<Row> silver = TableRows.read(carelake.silver("members"));
    assertThat(silver.stream().map(row -> String.valueOf((Object) row.getValue("state"))).distinct().toList(), everyItem(equalTo("NE")));
    List<String> ukRules = TableRows.read(carelake.quarantine("members")).stream()
        .flatMap(row -> ((List<?>) row.getValue("violations")).stream())
        .map(violation -> ((Row) violation).getValue("rule_id").toString()).distinct().toList();
    assertThat(ukRules, hasItem("state.code"));
    assertThat(TableRows.read(carelake.alerts("quality")).size(), equalTo(1));
  }
}
