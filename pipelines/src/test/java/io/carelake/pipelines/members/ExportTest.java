package io.carelake.pipelines.members;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import io.carelake.pipelines.Export;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.TableRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** A table, and an earlier version of it, exported as plain Parquet files any tool can read. */
@RunWith(JUnit4.class)
public class ExportTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void exportWritesTheRowsOfTheAskedVersionAsParquetFiles() throws Exception {
    MemberLakeFixture fixture = new MemberLakeFixture(temp.newFolder("lake").toPath());
    fixture.write("acme_20250301_1.csv", MemberLakeFixture.ACME_0301_1);
    run(fixture, "run-1");
    fixture.write("acme_20250302.csv", MemberLakeFixture.ACME_0302);
    run(fixture, "run-2");
    LakeTable silver = Lake.at(fixture.lake.toString()).silver("members");
    long first = silver.history().get(0).id();

    Path current = temp.newFolder("current").toPath();
    Path earlier = temp.newFolder("earlier").toPath();
    Export.export(silver, silver.currentSnapshotId(), current.toString(), PipelineOptionsFactory.create());
    Export.export(silver, java.util.Optional.of(first), earlier.toString(), PipelineOptionsFactory.create());

    List<String> exported = memberIds(current);
    assertThat(exported.size(), greaterThan(0));
    assertThat(exported, containsInAnyOrder(TableRows.read(silver).stream()
        .map(row -> row.getString("member_id")).toArray()));
    assertThat(memberIds(earlier), hasSize(TableRows.readSnapshot(silver, first).size()));
  }

  private static void run(MemberLakeFixture fixture, String runId) {
    MembersOptions options = PipelineOptionsFactory.fromArgs(fixture.args("--runId=" + runId)).withValidation()
        .as(MembersOptions.class);
    MembersPipeline.run(options).waitUntilFinish();
  }

  private static List<String> memberIds(Path directory) throws IOException {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".parquet")).toList()) {
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration())).build()) {
          for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
            ids.add(record.get("member_id").toString());
          }
        }
      }
    }
    return ids;
  }
}
