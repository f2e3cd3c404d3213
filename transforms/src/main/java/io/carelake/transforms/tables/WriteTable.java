package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import io.carelake.transforms.windowing.IntoGlobalWindowAtWindowEnd;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection.IsBounded;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.WindowingStrategy;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Table;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Writes rows into a lake table, creating it on first use (or adding the columns it lacks): each worker
 * writes Parquet data files for the rows its bundle holds, without a shuffle, and one commit step makes
 * all of them visible as one Iceberg snapshot, per run in batch and per window in streaming.
 *
 * <ul>
 *   <li>{@link #appendTo} an append-only table (bronze, quarantine, audit, alerts): rows are added.
 *   <li>{@link #changesTo} a merged table: the rows are a merge's change rows ({@link ChangeFeed}), which
 *       are also the table's rows; an {@code update} replaces its key's earlier row through an equality
 *       delete, an {@code insert} adds one. The change feed of a version is the rows it added.
 *   <li>{@link #replacing} a table rebuilt by every run (gold facts and views): the run's rows replace all
 *       of the table's rows in one snapshot (in streaming, window by window).
 * </ul>
 *
 * A run that fails before its commit leaves the table as it was: the files it wrote are named by no
 * snapshot, so no reader sees them, and {@code maintain} removes them.
 */
@AutoValue
public abstract class WriteTable extends PTransform<PCollection<Row>, TableCommit> {
  private static final Duration STREAMING_WINDOW = Duration.standardMinutes(1);

  abstract LakeTable table();

  abstract String runId();

  abstract List<String> keyColumns();

  abstract Partitioning partitioning();

  /** True when the changes were decided on a read; then a null {@link #readSnapshot} means an empty table. */
  abstract boolean decidedOnRead();

  /** The snapshot a merge read, which its commit must follow. */
  abstract @Nullable Long readSnapshot();

  /** With {@link #readValues}: the merge read only the rows whose column holds one of the values. */
  abstract @Nullable String readColumn();

  abstract @Nullable PCollectionView<List<String>> readValues();

  abstract Duration windowSize();

  abstract boolean replace();

  abstract List<PCollection<?>> commitAfter();

  /** 0: each bundle writes its own files; otherwise rows are grouped into this many shards first. */
  abstract int shards();

  abstract Builder toBuilder();

  /** Appends rows to an append-only table. */
  public static WriteTable appendTo(LakeTable table, String runId) {
    return builder(table, runId).setKeyColumns(List.of()).build();
  }

  /**
   * Applies a merge's change rows to a table keyed by {@code keyColumns}. The table may be partitioned
   * only by key columns' values: an update's equality delete reaches the key's earlier row only in its
   * own partition.
   */
  public static WriteTable changesTo(LakeTable table, String runId, List<String> keyColumns) {
    checkArgument(keyColumns != null && !keyColumns.isEmpty(), "a merged table needs key columns");
    return builder(table, runId).setKeyColumns(List.copyOf(keyColumns)).build();
  }

  /**
   * Replaces every row of a table with the rows written, in one snapshot: for tables derived whole from
   * others, such as gold facts rebuilt from silver. Readers see the old rows or the new ones, never a mix.
   * A streaming run replaces them window by window, in window order, so each window's rows must be the
   * whole table (rebuilt from a read after the window's upstream commits: {@link ReadTableAfterCommits}).
   */
  public static WriteTable replacing(LakeTable table, String runId) {
    return builder(table, runId).setKeyColumns(List.of()).setReplace(true).build();
  }

  private static Builder builder(LakeTable table, String runId) {
    checkArgument(runId != null && !runId.isBlank(), "runId must not be blank");
    return new AutoValue_WriteTable.Builder().setTable(table).setRunId(runId).setDecidedOnRead(false).setReplace(false)
        .setCommitAfter(List.of()).setShards(0)
        .setPartitioning(Partitioning.none()).setWindowSize(STREAMING_WINDOW);
  }

  /** How the table is partitioned if this write creates it. */
  public WriteTable partitionedBy(Partitioning partitioning) {
    checkArgument(partitioning != null, "partitioning must not be null");
    return toBuilder().setPartitioning(partitioning).build();
  }

  /**
   * The snapshot the changes were decided on (see {@link ReadTable#atSnapshot}), the whole table read:
   * another writer's changes committed after it make the commit fail instead of being overwritten.
   * Empty: the table had none.
   */
  public WriteTable decidedOn(Optional<Long> snapshot) {
    checkArgument(!keyColumns().isEmpty(), "only changes to a merged table are decided on a read");
    return toBuilder().setDecidedOnRead(true).setReadSnapshot(snapshot.orElse(null)).build();
  }

  /**
   * As {@link #decidedOn(Optional)}, for a merge that read only the rows whose {@code column} holds one of
   * {@code values} ({@link ReadTable#onlyWhere}): only changes there conflict. Batch runs only.
   */
  public WriteTable decidedOn(Optional<Long> snapshot, String column, PCollectionView<List<String>> values) {
    checkArgument(column != null && values != null, "the read's column and values must be given");
    return decidedOn(snapshot).toBuilder().setReadColumn(column).setReadValues(values).build();
  }

  /**
   * Commits only once {@code signals} are complete (batch), such as the commits of the tables these rows
   * are derived from: a failed upstream commit then leaves this table as it was. Files are still written
   * as the rows come.
   */
  public WriteTable committingAfter(List<PCollection<?>> signals) {
    checkArgument(signals != null, "signals must not be null");
    return toBuilder().setCommitAfter(List.copyOf(signals)).build();
  }

  /**
   * Groups the rows into {@code shards} shards ({@link GroupIntoShards}), each written into its own files,
   * instead of each bundle writing its own (in streaming, shard by shard in each window). This costs a shuffle, which writes otherwise avoid; it is for rows that come
   * out of a grouping in many small bundles (the Direct runner makes a bundle of every key), where a file
   * per bundle would make thousands of tiny files.
   */
  public WriteTable inShards(int shards) {
    checkArgument(shards > 0, "shards must be positive");
    return toBuilder().setShards(shards).build();
  }

  /** Streaming input still in the global window is written in fixed windows of this size (1 minute). */
  public WriteTable withWindowSize(Duration windowSize) {
    checkArgument(windowSize != null && windowSize.isLongerThan(Duration.ZERO), "windowSize must be positive");
    return toBuilder().setWindowSize(windowSize).build();
  }

  @Override
  public TableCommit expand(PCollection<Row> rows) {
    checkArgument(rows.hasSchema(), "rows written to table %s must have a schema", table());
    PCollection<Row> windowed = rows;
    if (replace() && rows.isBounded() == IsBounded.UNBOUNDED) {
      checkWholeTablePerWindow(rows.getWindowingStrategy());
    }
    if (rows.isBounded() == IsBounded.UNBOUNDED && rows.getWindowingStrategy().getWindowFn() instanceof GlobalWindows) {
      windowed = rows.apply("WindowRows", Window.into(FixedWindows.of(windowSize())));
    }
    TableSink sink = sinkFor(rows.getSchema(), rows.isBounded() == IsBounded.UNBOUNDED);
    PCollection<TableFiles> files;
    if (shards() > 0) {
      files = windowed
          .apply("GroupIntoShards", GroupIntoShards.of(shards()))
          .apply("WriteShardFiles", ParDo.of(new WriteShardsFn(sink)));
    } else {
      files = windowed.apply("WriteDataFiles", ParDo.of(new WriteRowsFn(sink)));
    }
    return files.setCoder(TableFiles.coder()).apply("CommitFiles", committing(sink));
  }

  /**
   * A sink for rows of {@code rowSchema}, for a step that writes the table's rows itself; this creates the
   * table (or adds the columns it lacks) now, as the pipeline is built. Commit what it wrote with
   * {@link #committing}.
   *
   * @param streaming whether the rows come window by window (a keyed table then upserts every row)
   */
  public TableSink sinkFor(Schema rowSchema, boolean streaming) {
    boolean merged = !keyColumns().isEmpty();
    checkArgument(!merged || rowSchema.hasField(ChangeFeed.CHANGE_TYPE),
        "rows written to merged table %s must be change rows", table());
    Table created = table().createOrEvolve(rowSchema, partitioning(), keyColumns());
    if (merged) {
      checkPartitionedByKey(created);
    }
    return new TableSink(PinnedTable.of(table(), created), rowSchema, keyColumns(),
        merged ? ChangeFeed.CHANGE_TYPE : null, merged ? ChangeFeed.UPDATE : null, streaming);
  }

  /**
   * Commits the files {@code sink} wrote: once per run in batch, once per window in streaming, after the
   * snapshot the changes were decided on ({@link #decidedOn}) or, for appends, the table's snapshot when
   * the sink was made.
   */
  public PTransform<PCollection<TableFiles>, TableCommit> committing(TableSink sink) {
    return new CommitFiles(sink);
  }

  private final class CommitFiles extends PTransform<PCollection<TableFiles>, TableCommit> {
    private final TableSink sink;

    CommitFiles(TableSink sink) {
      this.sink = sink;
    }

    @Override
    public TableCommit expand(PCollection<TableFiles> written) {
      boolean streaming = written.isBounded() == IsBounded.UNBOUNDED;
      checkArgument(!streaming || readValues() == null,
          "a streaming merge holds the whole table: decide it on the whole table's snapshot");
      checkArgument(!streaming || commitAfter().isEmpty(), "a streaming commit cannot wait for signals: %s", table());
      if (streaming && replace()) {
        checkWholeTablePerWindow(written.getWindowingStrategy());
      }
      Long since = decidedOnRead() ? readSnapshot() : sink.baseSnapshot();
      TableCommitter committer = replace() ? TableCommitter.replacing(table(), runId())
          : new TableCommitter(table(), runId(), !keyColumns().isEmpty(), streaming);
      return TableCommit.of(streaming ? commitWindows(written, committer, since) : commitRun(written, committer, since));
    }
  }

  /** Batch: one commit of every file the run wrote, once they are all written, files or not. */
  private PCollection<Long> commitRun(PCollection<TableFiles> written, TableCommitter committer,
      @Nullable Long since) {
    PCollectionView<List<TableFiles>> files = written
        .apply("IntoOneCommit", Window.into(new GlobalWindows()))
        .apply("FilesOfCommit", View.asList());
    CommitFilesFn commit = new CommitFilesFn(committer, since, files, readColumn(), readValues());
    PCollection<String> commitId = written.getPipeline()
        .apply("CommitId", Create.of(runId()).withCoder(StringUtf8Coder.of()));
    if (!commitAfter().isEmpty()) {
      commitId = commitId.apply("AfterSignals", Wait.on(commitAfter()));
    }
    return commitId
        .apply("Commit", ParDo.of(commit).withSideInputs(readValues() == null ? List.of(files)
            : List.of(files, readValues())))
        .setCoder(VarLongCoder.of());
  }

  /**
   * Streaming: window by window, in the global window where the committer keeps its last snapshot; the
   * snapshots go back to their windows, for steps that wait on a window's commit.
   */
  private PCollection<Long> commitWindows(PCollection<TableFiles> written, TableCommitter committer,
      @Nullable Long since) {
    Coder<KV<String, Iterable<TableFiles>>> window =
        KvCoder.of(StringUtf8Coder.of(), IterableCoder.of(TableFiles.coder()));
    return written
        .apply("KeyByTable", WithKeys.of(table().toString()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), TableFiles.coder()))
        .apply("FilesOfCommit", GroupByKey.create())
        .apply("NameCommits", ParDo.of(new CommitWindowsFn.NameCommitFn(runId())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), window))
        .apply("AcrossWindows", IntoGlobalWindowAtWindowEnd.create())
        .apply("Commit", ParDo.of(new CommitWindowsFn(committer, since, window)))
        .setCoder(VarLongCoder.of())
        .apply("BackToWindows", IntoGlobalWindowAtWindowEnd.backToWindowsOf(written));
  }

  /**
   * A streaming replace makes each window's rows the whole table: they must come in windows, each fired
   * once (the default trigger, no allowed lateness). Rows in the global window would be cut into minutes,
   * and a window fired twice would replace the table with its second pane alone.
   */
  private void checkWholeTablePerWindow(WindowingStrategy<?, ?> windowing) {
    checkArgument(!(windowing.getWindowFn() instanceof GlobalWindows), "table %s is replaced window by window:"
        + " its rows must come in windows, each window's rows being the whole table", table());
    checkArgument(windowing.getTrigger() instanceof DefaultTrigger && windowing.getAllowedLateness().equals(Duration.ZERO),
        "table %s is replaced window by window: each window must fire once (the default trigger, no allowed"
            + " lateness), or a later pane would replace the table with part of it", table());
  }

  private void checkPartitionedByKey(Table table) {
    for (PartitionField field : table.spec().fields()) {
      String column = table.schema().findColumnName(field.sourceId());
      checkArgument(field.transform().isIdentity() && keyColumns().contains(column),
          "merged table %s is partitioned by %s(%s): a merged table may be partitioned only by key columns'"
              + " values, or an update would not hide the key's earlier row", table(), field.transform(), column);
    }
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setTable(LakeTable table);

    abstract Builder setRunId(String runId);

    abstract Builder setKeyColumns(List<String> keyColumns);

    abstract Builder setPartitioning(Partitioning partitioning);

    abstract Builder setDecidedOnRead(boolean decided);

    abstract Builder setReadSnapshot(@Nullable Long readSnapshot);

    abstract Builder setReadColumn(String column);

    abstract Builder setReadValues(PCollectionView<List<String>> values);

    abstract Builder setWindowSize(Duration windowSize);

    abstract Builder setReplace(boolean replace);

    abstract Builder setCommitAfter(List<PCollection<?>> signals);

    abstract Builder setShards(int shards);

    abstract WriteTable build();
  }
}
