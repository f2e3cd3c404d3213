package io.carelake.transforms.tables;

import static io.carelake.transforms.tables.TableFixtures.member;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import io.carelake.schemas.Members;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.fs.MatchResult.Metadata;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class DatasetTest {
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TestPipeline read = TestPipeline.create();

  private Lake lake() {
    return Lake.at(tmp.getRoot().getPath());
  }

  private void assertRoundTrip(DatasetPath dataset, Schema schema, List<Row> rows) throws IOException {
    WriteFilesResult<Void> written = LakePipelines.rows(p, "Rows", rows, schema)
        .apply("Write", WriteDataset.to(dataset, "run-1"));
    String filePattern = Pattern.quote(dataset.path() + "/run_id=run-1/part-") + ".*\\.parquet";
    PAssert.that(written.getPerDestinationOutputFilenames().apply(Values.create())).satisfies(files -> {
      files.forEach(file -> assertThat(file, matchesPattern(filePattern)));
      return null;
    });
    p.run().waitUntilFinish();

    assertThat(ParquetTables.datasetRows(dataset, schema), containsInAnyOrder(rows.toArray()));
    assertThat(codecs(dataset), everyItem(is(CompressionCodecName.SNAPPY)));
    PAssert.that(read.apply(ReadDataset.from(dataset, schema))).containsInAnyOrder(rows);
    read.run();
  }

  @Test
  public void silverMembersRoundTripExactly() throws IOException {
    assertRoundTrip(lake().bronze("members"), Members.SILVER, TableFixtures.members());
  }

  @Test
  public void nestedRowsListsAndMapsRoundTripExactly() throws IOException {
    assertRoundTrip(lake().bronze("claims"), TableFixtures.CLAIM, TableFixtures.claims());
  }

  @Test
  public void runsAppendAndCanBeReadAlone() {
    DatasetPath dataset = lake().quarantine("members");
    List<Row> firstRun = List.of(member("M1", "Ada", 1L));
    List<Row> secondRun = List.of(member("M2", "Grace", 2L), member("M3", "Edith", 3L));
    LakePipelines.run(pipeline -> LakePipelines.rows(pipeline, "Rows", firstRun, Members.SILVER)
        .apply("Write", WriteDataset.to(dataset, "run-1")));
    LakePipelines.run(pipeline -> LakePipelines.rows(pipeline, "Rows", secondRun, Members.SILVER)
        .apply("Write", WriteDataset.to(dataset, "run-2").withNumShards(2)));

    List<Row> all = new ArrayList<>(firstRun);
    all.addAll(secondRun);
    PAssert.that(read.apply("All", ReadDataset.from(dataset, Members.SILVER))).containsInAnyOrder(all);
    PAssert.that(read.apply("Second", ReadDataset.from(dataset, Members.SILVER).forRun("run-2")))
        .containsInAnyOrder(secondRun);
    read.run();
  }

  @Test
  public void datasetNeverWrittenReadsEmpty() {
    PCollection<Row> rows = read.apply(ReadDataset.from(lake().alerts("freshness"), Members.SILVER));

    assertThat(rows.getCoder(), is(RowCoder.of(Members.SILVER)));
    PAssert.that(rows).empty();
    read.run();
  }

  @Test
  public void unboundedInputIsWrittenPerWindow() {
    DatasetPath dataset = lake().bronze("members");
    Instant start = Instant.parse("2024-01-05T10:00:00Z");
    Row early = member("M1", "Ada", 1L);
    Row early2 = member("M2", "Grace", 2L);
    Row late = member("M3", "Edith", 3L);
    TestStream<Row> stream = TestStream.create(RowCoder.of(Members.SILVER))
        .addElements(TimestampedValue.of(early, start), TimestampedValue.of(early2, start.plus(Duration.standardSeconds(30))))
        .advanceWatermarkTo(start.plus(Duration.standardMinutes(1)))
        .addElements(TimestampedValue.of(late, start.plus(Duration.standardSeconds(90))))
        .advanceWatermarkToInfinity();

    WriteFilesResult<Void> written = p.apply(stream).apply(WriteDataset.to(dataset, "stream-1"));
    PAssert.that(written.getPerDestinationOutputFilenames().apply(Values.create())).satisfies(files -> {
      List<String> names = new ArrayList<>();
      files.forEach(names::add);
      assertThat(names, containsInAnyOrder(
          matchesPattern(".*/run_id=stream-1/part-2024-01-05T10:00:00.000Z-2024-01-05T10:01:00.000Z-.*\\.parquet"),
          matchesPattern(".*/run_id=stream-1/part-2024-01-05T10:01:00.000Z-2024-01-05T10:02:00.000Z-.*\\.parquet")));
      return null;
    });
    p.run().waitUntilFinish();

    assertThat(ParquetTables.datasetRows(dataset, Members.SILVER), containsInAnyOrder(early, early2, late));
  }

  private static List<CompressionCodecName> codecs(DatasetPath dataset) throws IOException {
    List<CompressionCodecName> codecs = new ArrayList<>();
    for (Metadata file : LakeFiles.match(dataset.allFilesPattern())) {
      try (ParquetFileReader reader = ParquetFileReader.open(new FileSystemInputFile(file))) {
        for (BlockMetaData block : reader.getFooter().getBlocks()) {
          for (ColumnChunkMetaData column : block.getColumns()) {
            codecs.add(column.getCodec());
          }
        }
      }
    }
    return codecs;
  }
}
