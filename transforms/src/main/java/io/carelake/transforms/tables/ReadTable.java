package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads a version of a lake table as rows of a given schema (columns by name; the schema may name fewer
 * columns than the table has, and the others are not read). Deletes are applied, so a merged table reads
 * as one row per key.
 *
 * <p>The version is chosen when the pipeline is built: the current snapshot, unless {@link #atSnapshot}
 * says otherwise. A run reads the table as it was when the run started, whatever is committed meanwhile;
 * a table that does not exist yet reads as empty. The files are planned when the pipeline runs and read
 * in parallel, split at row-group boundaries.
 */
@AutoValue
public abstract class ReadTable extends PTransform<PBegin, PCollection<Row>> {
  abstract LakeTable table();

  abstract Schema schema();

  /** True when the snapshot was chosen; then a null {@link #snapshot} means the table was empty. */
  abstract boolean snapshotChosen();

  abstract @Nullable Long snapshot();

  abstract @Nullable String filterColumn();

  abstract @Nullable PCollectionView<List<String>> filterValues();

  abstract Builder toBuilder();

  /** The table's current rows, as of when the pipeline is built. */
  public static ReadTable of(LakeTable table, Schema schema) {
    return new AutoValue_ReadTable.Builder().setTable(table).setSchema(schema).setSnapshotChosen(false).build();
  }

  /** The rows of a given snapshot; empty: the table as it was before its first snapshot, no rows. */
  public ReadTable atSnapshot(Optional<Long> snapshot) {
    return toBuilder().setSnapshotChosen(true).setSnapshot(snapshot.orElse(null)).build();
  }

  /**
   * Only the rows whose {@code column} holds one of {@code values} (known when the pipeline runs, such as
   * the clients a run has files of): a table partitioned by {@code column} reads only those partitions.
   */
  public ReadTable onlyWhere(String column, PCollectionView<List<String>> values) {
    checkArgument(column != null && !column.isBlank(), "filter column must not be blank");
    checkArgument(values != null, "filter values must not be null");
    return toBuilder().setFilterColumn(column).setFilterValues(values).build();
  }

  @Override
  public PCollection<Row> expand(PBegin begin) {
    Optional<Table> table = table().find();
    Long snapshot = snapshotChosen() ? snapshot()
        : table.map(Table::currentSnapshot).map(org.apache.iceberg.Snapshot::snapshotId).orElse(null);
    if (table.isEmpty() || snapshot == null) {
      return begin.apply("EmptyTable", Create.empty(RowCoder.of(schema())));
    }
    checkArgument(table.get().snapshot(snapshot) != null, "table %s has no snapshot %s", table(), snapshot);
    PinnedTable shipped = PinnedTable.of(table(), table.get());
    PlanScanFn plan = new PlanScanFn(shipped, filterColumn(), filterValues());
    ParDo.SingleOutput<Long, FileScanTask> planning = ParDo.of(plan);
    if (filterValues() != null) {
      planning = planning.withSideInputs(filterValues());
    }
    return begin
        .apply("Snapshot", Create.of(snapshot).withCoder(VarLongCoder.of()))
        .apply("PlanFiles", planning)
        .setCoder(JavaSerializedCoder.of(FileScanTask.class))
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("ReadFiles", ParDo.of(new ReadScanTaskFn(shipped, schema())))
        .setRowSchema(schema());
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setTable(LakeTable table);

    abstract Builder setSchema(Schema schema);

    abstract Builder setSnapshotChosen(boolean chosen);

    abstract Builder setSnapshot(Long snapshot);

    abstract Builder setFilterColumn(String column);

    abstract Builder setFilterValues(PCollectionView<List<String>> values);

    abstract ReadTable build();
  }
}
