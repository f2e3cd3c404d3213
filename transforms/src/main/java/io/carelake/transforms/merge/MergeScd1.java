package io.carelake.transforms.merge;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import io.carelake.transforms.tables.ChangeFeed;
import io.carelake.transforms.tables.RowHashes;
import io.carelake.transforms.windowing.IntoGlobalWindowAtWindowEnd;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
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
 * Merges incoming rows into a table's current rows, slowly changing dimension type 1: one row per key,
 * the latest values win, no history in the table itself (the change feed keeps it).
 *
 * <p>Per key: among the incoming rows, the one with the highest sequence wins and the others are
 * {@link MergeOutcome#SUPERSEDED}. The winner is {@link MergeOutcome#INSERTED} when the table has no row
 * of its key; {@link MergeOutcome#STALE} when the table's row has a higher sequence (an older backfill
 * never overwrites newer data); {@link MergeOutcome#UNCHANGED} when its row hash equals the table row's,
 * so that loading the same file twice leaves the table identical; {@link MergeOutcome#UPDATED}
 * otherwise. Only inserted and updated keys produce a change row; the others, and table rows without
 * incoming rows, produce nothing, so what a merge writes grows with what it changes.
 *
 * <p>The row hash is a SHA-256 over every column except those {@link #ignoringForChange ignored for
 * change} (lineage: source file, line, sequence, run), so a row that only arrived again is not a change.
 * Everything is decided from values alone: the same inputs give the same outputs on any runner.
 *
 * <p>When the incoming rows are unbounded (a streaming run), the table's rows become per-key state and
 * each window of incoming rows is merged into it as a batch would be, once the watermark has passed the
 * window; the result has the changes and outcomes per window. Since the sequence, not
 * arrival, decides, files that arrive out of order leave the same member values as a batch run over
 * them; only rows with equal sequences and different values, split across windows, are decided by arrival
 * (the later window wins) where one batch decides them by hash.
 */
@AutoValue
public abstract class MergeScd1 extends PTransform<MergeInput, MergeResult> {
  public static final String CHANGE_TYPE = ChangeFeed.CHANGE_TYPE;
  public static final String BEFORE_HASH = ChangeFeed.BEFORE_HASH;
  public static final String AFTER_HASH = ChangeFeed.AFTER_HASH;
  public static final String INSERT = ChangeFeed.INSERT;
  public static final String UPDATE = ChangeFeed.UPDATE;
  private static final KvCoder<String, KV<String, Long>> OUTCOME_CODER =
      KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));

  abstract List<String> keyColumns();

  abstract @Nullable String sequenceColumn();

  abstract List<String> ignoredColumns();

  abstract @Nullable String attributionColumn();

  abstract boolean keepsTable();

  abstract Builder toBuilder();

  /** Merges on the given key columns; {@link #orderedBy} and {@link #attributedTo} are required too. */
  public static MergeScd1 on(List<String> keyColumns) {
    checkArgument(keyColumns != null && !keyColumns.isEmpty(), "a merge needs at least one key column");
    checkArgument(new HashSet<>(keyColumns).size() == keyColumns.size(), "key columns repeat: %s", keyColumns);
    return new AutoValue_MergeScd1.Builder()
        .setKeyColumns(List.copyOf(keyColumns)).setIgnoredColumns(List.of()).setKeepsTable(false).build();
  }

  /** The INT64 column that orders versions of a key: the higher, the newer. */
  public MergeScd1 orderedBy(String sequenceColumn) {
    checkArgument(sequenceColumn != null && !sequenceColumn.isBlank(), "sequence column must not be blank");
    return toBuilder().setSequenceColumn(sequenceColumn).build();
  }

  /** Columns that say where a row came from, not what it is: left out of the row hash. */
  public MergeScd1 ignoringForChange(List<String> lineageColumns) {
    checkArgument(lineageColumns != null, "lineage columns must not be null");
    return toBuilder().setIgnoredColumns(List.copyOf(lineageColumns)).build();
  }

  /** The STRING column, such as the source file, by which {@link MergeResult#outcomes()} are counted. */
  public MergeScd1 attributedTo(String sourceColumn) {
    checkArgument(sourceColumn != null && !sourceColumn.isBlank(), "attribution column must not be blank");
    return toBuilder().setAttributionColumn(sourceColumn).build();
  }

  /**
   * Also puts out every row of the table as the merge leaves it ({@link MergeResult#table()}), for steps
   * that derive tables from the whole of it (gold facts), without reading it again after the commit.
   * Batch runs only: a streaming merge's table is its state, which has no end to put out.
   */
  public MergeScd1 keepingTable() {
    return toBuilder().setKeepsTable(true).build();
  }

  /** The schema of the change feed of a table: see {@link ChangeFeed#schemaOf}. */
  public static Schema changeSchema(Schema tableSchema) {
    return ChangeFeed.schemaOf(tableSchema);
  }

  @Override
  public MergeResult expand(MergeInput input) {
    checkArgument(input.current().hasSchema() && input.incoming().hasSchema(), "a merge reads rows with a schema");
    Schema schema = input.current().getSchema();
    checkArgument(schema.equals(input.incoming().getSchema()),
        "current and incoming rows must have one schema; current: %s incoming: %s", schema, input.incoming().getSchema());
    checkColumns(schema);
    Schema changeSchema = changeSchema(schema);
    if (input.incoming().isBounded() == IsBounded.UNBOUNDED) {
      checkArgument(!keepsTable(), "a streaming merge cannot put out its whole table: keepingTable is for batch runs");
      return mergeContinuously(input, schema, changeSchema);
    }

    KvCoder<byte[], Row> keyedCoder = KvCoder.of(ByteArrayCoder.of(), RowCoder.of(schema));
    TupleTag<Row> current = new TupleTag<>("current");
    TupleTag<Row> incoming = new TupleTag<>("incoming");
    PCollection<KV<byte[], CoGbkResult>> grouped = KeyedPCollectionTuple
        .of(current, input.current().apply("KeyCurrent", ParDo.of(new KeyRowsFn(keyColumns()))).setCoder(keyedCoder))
        .and(incoming, input.incoming().apply("KeyIncoming", ParDo.of(new KeyRowsFn(keyColumns()))).setCoder(keyedCoder))
        .apply("GroupByKey", CoGroupByKey.create());

    TupleTag<Row> rows = new TupleTag<>("rows");
    TupleTag<KV<String, KV<String, Long>>> outcomes = new TupleTag<>("outcomes");
    Schema keptSchema = keepsTable() ? keptSchema(changeSchema) : null;
    MergeKeyFn mergeKey = new MergeKeyFn(decision(changeSchema), current, incoming, rows, outcomes, keptSchema);
    PCollectionTuple merged = grouped.apply("MergeKeys", ParDo.of(mergeKey).withOutputTags(rows, TupleTagList.of(outcomes)));
    PCollection<KV<String, KV<String, Long>>> outcomeCounts = merged.get(outcomes).setCoder(OUTCOME_CODER);
    if (!keepsTable()) {
      return MergeResult.of(merged.get(rows).setRowSchema(changeSchema), outcomeCounts);
    }
    // Every key's row comes out once, with its change if it has one: the changes and the table are cut from it.
    PCollection<Row> kept = merged.get(rows).setRowSchema(keptSchema);
    return MergeResult.of(
        kept.apply("ChangedKeys", ParDo.of(new ChangesOfKeptFn(changeSchema))).setRowSchema(changeSchema),
        outcomeCounts,
        kept.apply("TableRows", MapElements.via(new TableRowOfKept(schema))).setRowSchema(schema));
  }

  /** The change schema with its change columns nullable: a kept row of a key that did not change has none. */
  private static Schema keptSchema(Schema changeSchema) {
    Schema.Builder kept = Schema.builder();
    for (Field field : changeSchema.getFields()) {
      kept.addField(ChangeFeed.COLUMNS.contains(field.getName()) ? field.withNullable(true) : field);
    }
    return kept.build();
  }

  /** The change rows among the kept rows, as rows of the change schema. */
  private static final class ChangesOfKeptFn extends DoFn<Row, Row> {
    private final Schema changeSchema;
    private final int changeType;

    ChangesOfKeptFn(Schema changeSchema) {
      this.changeSchema = changeSchema;
      this.changeType = changeSchema.indexOf(CHANGE_TYPE);
    }

    @ProcessElement
    public void process(@Element Row kept, OutputReceiver<Row> out) {
      if (kept.getValue(changeType) != null) {
        out.output(Row.withSchema(changeSchema).attachValues(kept.getValues()));
      }
    }
  }

  /** A kept row without its change columns, as a row of the table's schema. */
  private static final class TableRowOfKept extends SimpleFunction<Row, Row> {
    private final Schema schema;

    TableRowOfKept(Schema schema) {
      this.schema = schema;
    }

    @Override
    public Row apply(Row kept) {
      return Row.withSchema(schema).attachValues(kept.getValues().subList(0, schema.getFieldCount()));
    }
  }

  /**
   * Streaming: the table's rows are loaded into per-key state once, and each window of incoming rows is
   * merged into that state when the watermark passes the window. Changes and outcomes come out in the
   * incoming rows' windows, to be committed to the table window by window.
   */
  private MergeResult mergeContinuously(MergeInput input, Schema schema, Schema changeSchema) {
    KvCoder<byte[], KV<Boolean, Row>> taggedCoder =
        KvCoder.of(ByteArrayCoder.of(), KvCoder.of(BooleanCoder.of(), RowCoder.of(schema)));
    PCollection<KV<byte[], KV<Boolean, Row>>> tableRows = input.current()
        .apply("TagTableRows", tagged(true)).setCoder(taggedCoder)
        .apply("TableRowsInGlobalWindow", Window.into(new GlobalWindows()));
    PCollection<KV<byte[], KV<Boolean, Row>>> incomingRows = input.incoming()
        .apply("TagIncomingRows", tagged(false)).setCoder(taggedCoder)
        .apply("IncomingAtWindowEnd", IntoGlobalWindowAtWindowEnd.create());

    TupleTag<Row> changes = new TupleTag<>("changes");
    TupleTag<KV<String, KV<String, Long>>> outcomes = new TupleTag<>("outcomes");
    PCollectionTuple merged = PCollectionList.of(tableRows).and(incomingRows)
        .apply("FlattenTableAndIncoming", Flatten.pCollections())
        .apply("MergeWindowsIntoState", ParDo.of(new MergeContinuouslyFn(decision(changeSchema), schema, changes, outcomes))
            .withOutputTags(changes, TupleTagList.of(outcomes)));
    return MergeResult.of(
        merged.get(changes).setRowSchema(changeSchema).apply("ChangesInWindows", IntoGlobalWindowAtWindowEnd.backToWindowsOf(input.incoming())),
        merged.get(outcomes).setCoder(OUTCOME_CODER)
            .apply("OutcomesInWindows", IntoGlobalWindowAtWindowEnd.backToWindowsOf(input.incoming())));
  }

  private MapElements<Row, KV<byte[], KV<Boolean, Row>>> tagged(boolean fromTable) {
    return MapElements.via(new TagRowFn(keyColumns(), fromTable));
  }

  /** Keys a row for the streaming merge and tags it with whether it comes from the table. */
  private static final class TagRowFn extends SimpleFunction<Row, KV<byte[], KV<Boolean, Row>>> {
    private final List<String> keyColumns;
    private final boolean fromTable;

    TagRowFn(List<String> keyColumns, boolean fromTable) {
      this.keyColumns = keyColumns;
      this.fromTable = fromTable;
    }

    @Override
    public KV<byte[], KV<Boolean, Row>> apply(Row row) {
      return KV.of(RowHashes.encode(row, keyColumns), KV.of(fromTable, row));
    }
  }

  private Scd1Decision decision(Schema changeSchema) {
    return new Scd1Decision(sequenceColumn(), Set.copyOf(ignoredColumns()), attributionColumn(), changeSchema);
  }

  private void checkColumns(Schema schema) {
    for (String key : keyColumns()) {
      checkArgument(schema.hasField(key), "key column %s is not in the table", key);
    }
    for (String ignored : ignoredColumns()) {
      checkArgument(schema.hasField(ignored), "column %s ignored for change is not in the table", ignored);
    }
    checkArgument(sequenceColumn() != null, "a merge needs a sequence column: call orderedBy");
    checkArgument(schema.hasField(sequenceColumn()), "sequence column %s is not in the table", sequenceColumn());
    checkArgument(schema.getField(sequenceColumn()).getType().equals(FieldType.INT64),
        "sequence column %s must be a non-null INT64", sequenceColumn());
    checkArgument(attributionColumn() != null, "a merge needs an attribution column: call attributedTo");
    checkArgument(schema.hasField(attributionColumn()), "attribution column %s is not in the table", attributionColumn());
    Field attribution = schema.getField(attributionColumn());
    checkArgument(attribution.getType().getTypeName() == TypeName.STRING && !attribution.getType().getNullable(),
        "attribution column %s must be a non-null STRING", attributionColumn());
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setKeyColumns(List<String> keyColumns);

    abstract Builder setSequenceColumn(String sequenceColumn);

    abstract Builder setIgnoredColumns(List<String> ignoredColumns);

    abstract Builder setAttributionColumn(String attributionColumn);

    abstract Builder setKeepsTable(boolean keepsTable);

    abstract MergeScd1 build();
  }
}
