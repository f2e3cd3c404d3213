package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollection.IsBounded;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Appends each window's change rows to a table's log: the window's Parquet files, then a commit record
 * of operation {@value CommitRecord#APPEND} that makes them visible. Readers of the table's current rows
 * apply the appended changes to the last snapshot ({@link ReadTable#current}); a batch merge of the
 * table compacts them into a new snapshot.
 *
 * <p>The output holds, per window, the version committed for it; a window without changes commits
 * nothing, and its watermark still passes, so {@code Wait.on} the output works for every window.
 * Versions are numbered when they are committed; one writer per table. Runners need not commit windows
 * in window order, so a table ordered by a sequence ({@link #orderedBy}) records it and readers let the
 * highest sequence of a key win, then the newest version. A retried commit of a window (a bundle
 * retried, a job restored from a checkpoint) finds the marker of its files and the version it made,
 * and does not append them again.
 */
@AutoValue
public abstract class AppendTableChanges extends PTransform<PCollection<Row>, PCollection<Long>> {
  private static final int FILES_PER_WINDOW = 1;

  abstract TablePath table();

  abstract String runId();

  abstract List<String> keyColumns();

  abstract @Nullable String sequenceColumn();

  public static AppendTableChanges to(TablePath table, String runId, List<String> keyColumns) {
    LakePaths.checkSegment(runId, "run id");
    checkArgument(keyColumns != null && !keyColumns.isEmpty(), "appended changes need the table's key columns");
    return new AutoValue_AppendTableChanges(table, runId, List.copyOf(keyColumns), null);
  }

  /** The INT64 column whose highest value wins among a key's rows, as the merge that made them decided. */
  public AppendTableChanges orderedBy(String sequenceColumn) {
    checkArgument(sequenceColumn != null && !sequenceColumn.isBlank(), "sequence column must not be blank");
    return new AutoValue_AppendTableChanges(table(), runId(), keyColumns(), sequenceColumn);
  }

  @Override
  public PCollection<Long> expand(PCollection<Row> changes) {
    checkArgument(changes.hasSchema(), "changes appended to table %s must be rows with a schema", table());
    checkArgument(changes.isBounded() == IsBounded.UNBOUNDED,
        "appending changes per window is for unbounded input; commit bounded input with CommitTableVersion");
    for (String key : keyColumns()) {
      checkArgument(changes.getSchema().hasField(key), "key column %s is not in the changes of %s", key, table());
    }
    checkArgument(sequenceColumn() == null || changes.getSchema().hasField(sequenceColumn()),
        "sequence column %s is not in the changes of %s", sequenceColumn(), table());
    WriteFilesResult<Void> written = changes.apply("WriteChanges",
        RowParquet.write(changes.getSchema(), table().appendedChangesDir(runId())).withNumShards(FILES_PER_WINDOW));
    return written.getPerDestinationOutputFilenames()
        .apply("ChangeFileNames", Values.create())
        .apply("KeyByTable", WithKeys.<String, String>of(table().path()))
        .apply("FilesOfWindow", GroupByKey.create())
        .apply("WriteAppendRecord", ParDo.of(new CommitAppendFn(table(), runId(), keyColumns(), sequenceColumn())));
  }

  /** Commits the change files of one window as the next version. */
  private static final class CommitAppendFn extends DoFn<KV<String, Iterable<String>>, Long> {
    private final TablePath table;
    private final String runId;
    private final List<String> keyColumns;
    private final @Nullable String sequenceColumn;

    CommitAppendFn(TablePath table, String runId, List<String> keyColumns, @Nullable String sequenceColumn) {
      this.table = table;
      this.runId = runId;
      this.keyColumns = keyColumns;
      this.sequenceColumn = sequenceColumn;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> window, OutputReceiver<Long> out) throws IOException {
      List<String> files = new ArrayList<>();
      long rows = 0;
      for (String file : window.getValue()) {
        files.add(table.relativize(file));
        rows += rowCount(file);
      }
      files.sort(null);
      TableLog log = TableLog.of(table);
      // The marker names the files, so a retry of this window finds the version it committed.
      String marker = table.appendMarker(runId, String.join("\n", files));
      Long marked = readMarker(marker);
      if (marked != null) {
        Optional<CommitRecord> committed = log.find(marked);
        if (committed.isPresent() && committed.get().runId().equals(runId) && committed.get().changeFiles().equals(files)) {
          out.output(marked);
          return;
        }
      }
      long previous = log.latestVersion();
      CommitRecord record = new CommitRecord(previous + 1, previous, runId, Instant.now().toString(),
          CommitRecord.APPEND, List.of(), files, 0, rows, keyColumns, sequenceColumn);
      writeMarker(marker, record.version());
      log.commit(record);
      out.output(record.version());
    }

    private static @Nullable Long readMarker(String marker) throws IOException {
      if (LakeFiles.match(marker).isEmpty()) {
        return null;
      }
      try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(marker, false)))) {
        return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
      }
    }

    private static void writeMarker(String marker, long version) throws IOException {
      try (OutputStream out = Channels.newOutputStream(
          FileSystems.create(FileSystems.matchNewResource(marker, false), MimeTypes.TEXT))) {
        out.write(Long.toString(version).getBytes(StandardCharsets.UTF_8));
      }
    }

    private static long rowCount(String file) throws IOException {
      try (ParquetFileReader reader = ParquetFileReader.open(
          new FileSystemInputFile(FileSystems.matchSingleFileSpec(file)))) {
        return reader.getRecordCount();
      }
    }
  }
}
