package io.carelake.transforms.merge;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
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
 * otherwise. Table rows without incoming rows are carried over as they are.
 *
 * <p>The row hash is a SHA-256 over every column except those {@link #ignoringForChange ignored for
 * change} (lineage: source file, line, sequence, run), so a row that only arrived again is not a change.
 * Everything is decided from values alone: the same inputs give the same outputs on any runner.
 */
@AutoValue
public abstract class MergeScd1 extends PTransform<MergeInput, MergeResult> {
  public static final String CHANGE_TYPE = "_change_type";
  public static final String BEFORE_HASH = "_before_hash";
  public static final String AFTER_HASH = "_after_hash";
  public static final String INSERT = "insert";
  public static final String UPDATE = "update";

  abstract List<String> keyColumns();

  abstract @Nullable String sequenceColumn();

  abstract List<String> ignoredColumns();

  abstract @Nullable String attributionColumn();

  abstract Builder toBuilder();

  /** Merges on the given key columns; {@link #orderedBy} and {@link #attributedTo} are required too. */
  public static MergeScd1 on(List<String> keyColumns) {
    checkArgument(keyColumns != null && !keyColumns.isEmpty(), "a merge needs at least one key column");
    checkArgument(new HashSet<>(keyColumns).size() == keyColumns.size(), "key columns repeat: %s", keyColumns);
    return new AutoValue_MergeScd1.Builder()
        .setKeyColumns(List.copyOf(keyColumns)).setIgnoredColumns(List.of()).build();
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

  /** The STRING column, such as the source file, by which {@link MergeResult#outcomes()} are reported. */
  public MergeScd1 attributedTo(String sourceColumn) {
    checkArgument(sourceColumn != null && !sourceColumn.isBlank(), "attribution column must not be blank");
    return toBuilder().setAttributionColumn(sourceColumn).build();
  }

  /**
   * The schema of the change feed of a table: {@code _change_type} ({@value #INSERT} or
   * {@value #UPDATE}), {@code _before_hash} (null for an insert), {@code _after_hash}, then every column
   * of the table as it is after the change.
   */
  public static Schema changeSchema(Schema tableSchema) {
    for (String column : List.of(CHANGE_TYPE, BEFORE_HASH, AFTER_HASH)) {
      checkArgument(!tableSchema.hasField(column), "table column %s clashes with the change feed's", column);
    }
    return Schema.builder()
        .addStringField(CHANGE_TYPE)
        .addNullableField(BEFORE_HASH, FieldType.STRING)
        .addStringField(AFTER_HASH)
        .addFields(tableSchema.getFields())
        .build();
  }

  @Override
  public MergeResult expand(MergeInput input) {
    checkArgument(input.current().hasSchema() && input.incoming().hasSchema(), "a merge reads rows with a schema");
    Schema schema = input.current().getSchema();
    checkArgument(schema.equals(input.incoming().getSchema()),
        "current and incoming rows must have one schema; current: %s incoming: %s", schema, input.incoming().getSchema());
    checkColumns(schema);
    Schema changeSchema = changeSchema(schema);

    KvCoder<byte[], Row> keyedCoder = KvCoder.of(ByteArrayCoder.of(), RowCoder.of(schema));
    TupleTag<Row> current = new TupleTag<>("current");
    TupleTag<Row> incoming = new TupleTag<>("incoming");
    PCollection<KV<byte[], CoGbkResult>> grouped = KeyedPCollectionTuple
        .of(current, input.current().apply("KeyCurrent", ParDo.of(new KeyRowsFn(keyColumns()))).setCoder(keyedCoder))
        .and(incoming, input.incoming().apply("KeyIncoming", ParDo.of(new KeyRowsFn(keyColumns()))).setCoder(keyedCoder))
        .apply("GroupByKey", CoGroupByKey.create());

    TupleTag<Row> snapshot = new TupleTag<>("snapshot");
    TupleTag<Row> changes = new TupleTag<>("changes");
    TupleTag<KV<String, String>> outcomes = new TupleTag<>("outcomes");
    MergeKeyFn mergeKey = new MergeKeyFn(sequenceColumn(), Set.copyOf(ignoredColumns()), attributionColumn(),
        changeSchema, current, incoming, snapshot, changes, outcomes);
    PCollectionTuple merged = grouped.apply("MergeKeys",
        ParDo.of(mergeKey).withOutputTags(snapshot, TupleTagList.of(changes).and(outcomes)));

    return MergeResult.of(
        merged.get(snapshot).setRowSchema(schema),
        merged.get(changes).setRowSchema(changeSchema),
        merged.get(outcomes).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
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

    abstract MergeScd1 build();
  }
}
