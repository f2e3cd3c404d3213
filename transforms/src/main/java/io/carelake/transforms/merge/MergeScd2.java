package io.carelake.transforms.merge;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import io.carelake.transforms.tables.ChangeFeed;
import io.carelake.transforms.tables.RowHashes;
import io.carelake.transforms.windowing.IntoGlobalWindowAtWindowEnd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollection.IsBounded;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Merges incoming records into a history table, slowly changing dimension type 2: one row per version of
 * a key, each valid from its own sequence to the next version's ({@link #historySchema}).
 *
 * <p>Per key, records are taken in sequence order. An active record whose {@link #tracking tracked
 * columns} differ from the version in force at its sequence opens a version; one equal to it opens none
 * ({@link MergeOutcome#UNCHANGED}). A record that is {@link #endedWhen ended} (deactivated) closes the
 * version in force ({@link MergeOutcome#ENDED}) and leaves none open until a later active record opens
 * the next. One record is kept per key and sequence: between records of equal sequence the higher hash
 * of the columns not ignored for change wins, as in {@link MergeScd1}, and between equal values the lower
 * attribution (the earlier of files named by date: the same record delivered again in a later file leaves
 * the history as it was); the others are {@link MergeOutcome#SUPERSEDED}, or unchanged when their values
 * are the winner's. A late record, older
 * than the current version, takes its place in the history and the versions around it are recomputed:
 * their valid_to, version numbers and is_current, and a version it makes redundant disappears.
 *
 * <p>The history is a function of the set of records merged, whatever their order and however they are
 * split into runs: each history row keeps the records it absorbed ({@link #ABSORBED}), from which a later
 * run recomputes the key's history exactly. A key whose history changed puts out its whole history as
 * change rows ({@link #changeSchema}), for {@code WriteTable.changesTo(table, runId, keyColumns)} on the
 * <em>key columns</em>: an update row's equality delete removes every earlier row of its key, so versions
 * that a late record merged away disappear too, and the rows committed with it are the key's history.
 * The {@link #VERSION_ID} is a hash of the key and the version's first sequence, stable across runs.
 *
 * <p>When the incoming records are unbounded (a streaming run), each key's history rows become per-key
 * state and each window of records is merged into it as a batch would be, once the watermark has passed
 * the window. Since the history depends only on the set of records, the windows of a streaming run leave
 * the history a batch run over the same records leaves, ties included.
 */
@AutoValue
public abstract class MergeScd2 extends PTransform<MergeInput, MergeResult> {
  public static final String VALID_FROM = "valid_from";
  public static final String VALID_TO = "valid_to";
  public static final String IS_CURRENT = "is_current";
  public static final String VERSION = "version";
  public static final String VERSION_ID = "version_id";
  /** The records a history row absorbed: equal ones after it, and the one that ended it. */
  public static final String ABSORBED = "_absorbed";
  public static final List<String> HISTORY_COLUMNS =
      List.of(VALID_FROM, VALID_TO, IS_CURRENT, VERSION, VERSION_ID, ABSORBED);
  private static final KvCoder<String, KV<String, Long>> OUTCOME_CODER =
      KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));

  abstract List<String> keyColumns();

  abstract @Nullable String sequenceColumn();

  abstract @Nullable List<String> trackedColumns();

  abstract List<String> ignoredColumns();

  abstract @Nullable String attributionColumn();

  abstract @Nullable String endedColumn();

  abstract @Nullable SerializableFunction<Row, Boolean> endedPredicate();

  abstract Builder toBuilder();

  /** Merges on the given key columns; {@link #orderedBy} and {@link #attributedTo} are required too. */
  public static MergeScd2 on(List<String> keyColumns) {
    checkArgument(keyColumns != null && !keyColumns.isEmpty(), "a merge needs at least one key column");
    checkArgument(new HashSet<>(keyColumns).size() == keyColumns.size(), "key columns repeat: %s", keyColumns);
    return new AutoValue_MergeScd2.Builder().setKeyColumns(List.copyOf(keyColumns)).setIgnoredColumns(List.of())
        .build();
  }

  /** The INT64 column that orders a key's records, such as the last-updated time in epoch millis. */
  public MergeScd2 orderedBy(String sequenceColumn) {
    checkArgument(sequenceColumn != null && !sequenceColumn.isBlank(), "sequence column must not be blank");
    return toBuilder().setSequenceColumn(sequenceColumn).build();
  }

  /**
   * The columns whose change makes a new version; other columns changing alone do not. By default every
   * column but the key, the sequence and those ignored for change.
   */
  public MergeScd2 tracking(List<String> trackedColumns) {
    checkArgument(trackedColumns != null && !trackedColumns.isEmpty(), "tracked columns must not be empty");
    return toBuilder().setTrackedColumns(List.copyOf(trackedColumns)).build();
  }

  /** Columns that say where a record came from, not what it is: never tracked, left out of the row hash. */
  public MergeScd2 ignoringForChange(List<String> lineageColumns) {
    checkArgument(lineageColumns != null, "lineage columns must not be null");
    return toBuilder().setIgnoredColumns(List.copyOf(lineageColumns)).build();
  }

  /** The STRING column, such as the source file, by which {@link MergeResult#outcomes()} are counted. */
  public MergeScd2 attributedTo(String sourceColumn) {
    checkArgument(sourceColumn != null && !sourceColumn.isBlank(), "attribution column must not be blank");
    return toBuilder().setAttributionColumn(sourceColumn).build();
  }

  /** A record whose {@code column} is set (such as a deactivation date) ends its key's current version. */
  public MergeScd2 endedWhenSet(String column) {
    checkArgument(column != null && !column.isBlank(), "ended column must not be blank");
    return toBuilder().setEndedColumn(column).setEndedPredicate(new ColumnSet(column)).build();
  }

  /**
   * A record for which {@code ended} is true ends its key's current version: for deactivations that one
   * column does not tell, such as a deactivation date without a later reactivation date.
   */
  public MergeScd2 endedWhen(SerializableFunction<Row, Boolean> ended) {
    checkArgument(ended != null, "ended predicate must not be null");
    return toBuilder().setEndedColumn(null).setEndedPredicate(ended).build();
  }

  /**
   * The history table's schema for records of {@code recordSchema}: every record column (those of the
   * record that opened the version), then {@code valid_from} (its sequence), {@code valid_to} (the next
   * version's valid_from, or the sequence of the record that ended it; null while open), {@code is_current},
   * {@code version} (1 for a key's first; 0 for a row holding only ended records that came before any
   * version, whose interval is empty), {@code version_id} and {@link #ABSORBED}.
   */
  public static Schema historySchema(Schema recordSchema) {
    for (String column : HISTORY_COLUMNS) {
      checkArgument(!recordSchema.hasField(column), "record column %s clashes with the history's", column);
    }
    return Schema.builder()
        .addFields(recordSchema.getFields())
        .addInt64Field(VALID_FROM)
        .addNullableField(VALID_TO, FieldType.INT64)
        .addBooleanField(IS_CURRENT)
        .addInt32Field(VERSION)
        .addStringField(VERSION_ID)
        .addArrayField(ABSORBED, FieldType.row(recordSchema))
        .build();
  }

  /** The history's rows followed by the change feed's columns: what the merge puts out. */
  public static Schema changeSchema(Schema recordSchema) {
    return ChangeFeed.schemaOf(historySchema(recordSchema));
  }

  @Override
  public MergeResult expand(MergeInput input) {
    checkArgument(input.current().hasSchema() && input.incoming().hasSchema(), "a merge reads rows with a schema");
    Schema recordSchema = input.incoming().getSchema();
    Schema historySchema = historySchema(recordSchema);
    checkArgument(historySchema.equals(input.current().getSchema()),
        "current rows must be history rows of the incoming records (MergeScd2.historySchema); current: %s"
            + " incoming: %s", input.current().getSchema(), recordSchema);
    Scd2History scd2 = history(recordSchema);
    if (input.incoming().isBounded() == IsBounded.UNBOUNDED) {
      return mergeContinuously(input, scd2, recordSchema);
    }

    TupleTag<Row> history = new TupleTag<>("history");
    TupleTag<Row> incoming = new TupleTag<>("incoming");
    PCollection<KV<byte[], CoGbkResult>> grouped = KeyedPCollectionTuple
        .of(history, input.current().apply("KeyHistory", ParDo.of(new KeyRowsFn(keyColumns())))
            .setCoder(KvCoder.of(ByteArrayCoder.of(), RowCoder.of(historySchema))))
        .and(incoming, input.incoming().apply("KeyIncoming", ParDo.of(new KeyRowsFn(keyColumns())))
            .setCoder(KvCoder.of(ByteArrayCoder.of(), RowCoder.of(recordSchema))))
        .apply("GroupByKey", CoGroupByKey.create());

    TupleTag<Row> changes = new TupleTag<>("changes");
    TupleTag<KV<String, KV<String, Long>>> outcomes = new TupleTag<>("outcomes");
    PCollectionTuple merged = grouped.apply("MergeKeys",
        ParDo.of(new MergeHistoryFn(scd2, history, incoming, changes, outcomes))
            .withOutputTags(changes, TupleTagList.of(outcomes)));
    return MergeResult.of(merged.get(changes).setRowSchema(changeSchema(recordSchema)),
        merged.get(outcomes).setCoder(OUTCOME_CODER));
  }

  /**
   * Streaming: the history rows are loaded into per-key state once, and each window of incoming records is
   * merged into that state when the watermark passes the window. Changes and outcomes come out in the
   * incoming records' windows, to be committed window by window (a streaming commit upserts every row on
   * the key columns, so each window's rows of a key replace its earlier ones).
   */
  private MergeResult mergeContinuously(MergeInput input, Scd2History scd2, Schema recordSchema) {
    Schema tagged = MergeHistoryContinuouslyFn.taggedSchema(recordSchema);
    KvCoder<byte[], Row> taggedCoder = KvCoder.of(ByteArrayCoder.of(), RowCoder.of(tagged));
    PCollection<KV<byte[], Row>> historyRows = input.current()
        .apply("TagHistoryRows", MapElements.via(new TagRowFn(keyColumns(), tagged, true))).setCoder(taggedCoder)
        .apply("HistoryInGlobalWindow", Window.into(new GlobalWindows()));
    PCollection<KV<byte[], Row>> incomingRows = input.incoming()
        .apply("TagIncomingRecords", MapElements.via(new TagRowFn(keyColumns(), tagged, false))).setCoder(taggedCoder)
        .apply("IncomingAtWindowEnd", IntoGlobalWindowAtWindowEnd.create());

    TupleTag<Row> changes = new TupleTag<>("changes");
    TupleTag<KV<String, KV<String, Long>>> outcomes = new TupleTag<>("outcomes");
    PCollectionTuple merged = PCollectionList.of(historyRows).and(incomingRows)
        .apply("FlattenHistoryAndIncoming", Flatten.pCollections())
        .apply("MergeWindowsIntoState", ParDo.of(new MergeHistoryContinuouslyFn(scd2, recordSchema, changes, outcomes))
            .withOutputTags(changes, TupleTagList.of(outcomes)));
    return MergeResult.of(
        merged.get(changes).setRowSchema(changeSchema(recordSchema))
            .apply("ChangesInWindows", IntoGlobalWindowAtWindowEnd.backToWindowsOf(input.incoming())),
        merged.get(outcomes).setCoder(OUTCOME_CODER)
            .apply("OutcomesInWindows", IntoGlobalWindowAtWindowEnd.backToWindowsOf(input.incoming())));
  }

  /** Keys a history row or an incoming record and wraps it in a row of the streaming merge's tagged schema. */
  private static final class TagRowFn extends SimpleFunction<Row, KV<byte[], Row>> {
    private final List<String> keyColumns;
    private final Schema tagged;
    private final boolean historyRow;

    TagRowFn(List<String> keyColumns, Schema tagged, boolean historyRow) {
      this.keyColumns = keyColumns;
      this.tagged = tagged;
      this.historyRow = historyRow;
    }

    @Override
    public KV<byte[], Row> apply(Row row) {
      Row wrapped = Row.withSchema(tagged).attachValues(historyRow ? Arrays.asList(row, null) : Arrays.asList(null, row));
      return KV.of(RowHashes.encode(row, keyColumns), wrapped);
    }
  }

  /** What this merge does with one key, for records of {@code recordSchema}, checked against it. */
  Scd2History history(Schema recordSchema) {
    List<String> tracked = trackedColumns() != null ? trackedColumns() : defaultTracked(recordSchema);
    checkColumns(recordSchema, tracked);
    return new Scd2History(keyColumns(), sequenceColumn(), tracked, Set.copyOf(ignoredColumns()),
        attributionColumn(), endedPredicate(), recordSchema);
  }

  private List<String> defaultTracked(Schema recordSchema) {
    List<String> tracked = new ArrayList<>();
    for (String column : recordSchema.getFieldNames()) {
      if (!keyColumns().contains(column) && !column.equals(sequenceColumn()) && !ignoredColumns().contains(column)) {
        tracked.add(column);
      }
    }
    return tracked;
  }

  private void checkColumns(Schema schema, List<String> tracked) {
    for (String key : keyColumns()) {
      checkArgument(schema.hasField(key), "key column %s is not in the records", key);
    }
    for (String ignored : ignoredColumns()) {
      checkArgument(schema.hasField(ignored), "column %s ignored for change is not in the records", ignored);
    }
    checkArgument(sequenceColumn() != null, "a merge needs a sequence column: call orderedBy");
    checkArgument(schema.hasField(sequenceColumn()), "sequence column %s is not in the records", sequenceColumn());
    checkArgument(schema.getField(sequenceColumn()).getType().equals(FieldType.INT64),
        "sequence column %s must be a non-null INT64", sequenceColumn());
    checkArgument(attributionColumn() != null, "a merge needs an attribution column: call attributedTo");
    checkArgument(schema.hasField(attributionColumn()), "attribution column %s is not in the records",
        attributionColumn());
    Field attribution = schema.getField(attributionColumn());
    checkArgument(attribution.getType().getTypeName() == TypeName.STRING && !attribution.getType().getNullable(),
        "attribution column %s must be a non-null STRING", attributionColumn());
    checkArgument(!tracked.isEmpty(), "no column is left to track: call tracking");
    for (String column : tracked) {
      checkArgument(schema.hasField(column), "tracked column %s is not in the records", column);
      checkArgument(!column.equals(sequenceColumn()) && !ignoredColumns().contains(column),
          "tracked column %s is the sequence or ignored for change: every record would be a version", column);
    }
    checkArgument(endedColumn() == null || schema.hasField(endedColumn()), "ended column %s is not in the records",
        endedColumn());
  }

  /** A record whose column holds a value. */
  private static final class ColumnSet implements SerializableFunction<Row, Boolean> {
    private final String column;

    ColumnSet(String column) {
      this.column = column;
    }

    @Override
    public Boolean apply(Row record) {
      return record.getValue(column) != null;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof ColumnSet set && set.column.equals(column);
    }

    @Override
    public int hashCode() {
      return column.hashCode();
    }
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setKeyColumns(List<String> keyColumns);

    abstract Builder setSequenceColumn(String sequenceColumn);

    abstract Builder setTrackedColumns(List<String> trackedColumns);

    abstract Builder setIgnoredColumns(List<String> ignoredColumns);

    abstract Builder setAttributionColumn(String attributionColumn);

    abstract Builder setEndedColumn(@Nullable String endedColumn);

    abstract Builder setEndedPredicate(SerializableFunction<Row, Boolean> ended);

    abstract MergeScd2 build();
  }
}
