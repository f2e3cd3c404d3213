package io.carelake.pipelines.acceptance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.Assume.assumeTrue;

import io.carelake.pipelines.reference.ReferenceOptions;
import io.carelake.pipelines.reference.ReferencePipeline;
import io.carelake.schemas.FileAudit;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Real NPPES bulk rows (HL7 VhDir's subsets of the 2018 npidata_pfile, 329 columns with the old "Provider
 * Gender Code" header, every value quoted) through the reference pipeline: every record read is either a
 * provider version or quarantined with its rule ids, and every provider read is in the history. The 2,000-row
 * subset is cut to its first rows: the Direct runner makes a bundle of every NPI after the merge's grouping.
 */
@RunWith(JUnit4.class)
public class NppesBulkAcceptanceTest {
  private static final Map<String, String> SAMPLES = Map.of(
      "sample-nppes-practitioner_20181204-data.csv", "npidata_pfile_20050523-20181111.csv",
      "sample-nppes-organization-data.csv", "npidata_pfile_20050523-20181111_2.csv",
      "sample-nppes-practitioner-data.csv", "npidata_pfile_20050523-20181111_3.csv");

  private static final int MAX_RECORDS_PER_FILE = 300;

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void everyRealRecordIsAProviderVersionOrQuarantined() throws Exception {
    Path samples = ReferenceData.folder("nppes/npidata_pfile_samples/HL7-VhDir");
    assumeTrue("the shared reference data is not here", samples != null);
    Path lake = temp.newFolder("lake").toPath();
    Path landing = Files.createDirectories(lake.resolve("landing/reference"));
    long lines = 0;
    for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
      // Records are one per line in these files: no value holds a line break.
      List<String> head = Files.readAllLines(samples.resolve(sample.getKey()));
      head = head.subList(0, Math.min(head.size(), MAX_RECORDS_PER_FILE + 1));
      Files.write(landing.resolve(sample.getValue()), head);
      lines += head.size() - 1;
    }
    ReferenceOptions options = PipelineOptionsFactory.fromArgs("--lake=" + lake, "--runId=acceptance",
        "--writeShards=2", "--readSplitBytes=262144").as(ReferenceOptions.class);
    ReferencePipeline.build(pipeline, ReferencePipeline.configFrom(options));
    pipeline.run().waitUntilFinish();

    Lake at = Lake.at(lake.toString());
    List<Row> audit = TableRows.read(at.audit("landing_files"));
    assertThat(audit.size(), is(3));
    long read = 0;
    long valid = 0;
    long quarantined = 0;
    for (Row file : audit) {
      assertThat(file.getString("file"), file.getString("status"), is(FileAudit.PROCESSED));
      assertThat(file.getString("file"), file.getInt64("rows_read"),
          is(file.getInt64("valid") + file.getInt64("quarantined")));
      read += file.getInt64("rows_read");
      valid += file.getInt64("valid");
      quarantined += file.getInt64("quarantined");
    }
    assertThat(read, is(lines));
    List<Row> bad = TableRows.read(at.quarantine("reference"));
    assertThat((long) bad.size(), is(quarantined));
    Map<String, Integer> byRule = new TreeMap<>();
    for (Row record : bad) {
      Collection<Row> violations = record.getArray("violations");
      violations.forEach(violation -> byRule.merge(violation.getString("rule_id"), 1, Integer::sum));
    }
    System.out.printf("NPPES bulk samples: %d records, %d valid, %d quarantined %s%n", read, valid, quarantined, byRule);
    // Real rows are mostly clean: the rules must not reject NPPES's own conventions.
    assertThat(valid, greaterThan(read * 9 / 10));
    long npis = TableRows.read(at.silver("provider_history")).stream().map(row -> row.getString("npi")).distinct()
        .count();
    assertThat(npis, greaterThan(0L));
    assertThat((long) TableRows.read(at.gold("dim_provider")).size(), greaterThan(0L));
  }
}
