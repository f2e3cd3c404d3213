package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads a committed version of a table, or its change feed, as rows of a given schema.
 *
 * <p>The version is chosen when the pipeline is built, from the commit log: a run reads the table as it
 * was when the run started, whatever other runs commit meanwhile, and never a version that is not
 * committed. An empty table reads as an empty collection.
 *
 * <p>A version is its latest snapshot plus the changes appended after it by streaming runs: when there
 * are such changes, each key's row is taken from the newest version that holds it.
 */
@AutoValue
public abstract class ReadTable extends PTransform<PBegin, PCollection<Row>> {
  abstract TablePath table();

  abstract Schema schema();

  /** The change feed of the versions after this one, or the snapshot when absent. */
  abstract @Nullable Long changesAfter();

  /** The version to read (snapshot) or to read up to (changes); the latest when absent. */
  abstract @Nullable Long asOf();

  abstract Builder toBuilder();

  /** Every row of the latest committed version. */
  public static ReadTable current(TablePath table, Schema schema) {
    return new AutoValue_ReadTable.Builder().setTable(table).setSchema(schema).build();
  }

  /**
   * The change rows of every version committed after {@code afterVersion}, in rows of
   * {@code changeSchema} (the schema the changes were committed with).
   */
  public static ReadTable changes(TablePath table, Schema changeSchema, long afterVersion) {
    checkArgument(afterVersion >= 0, "afterVersion must be 0 or more, got %s", afterVersion);
    return new AutoValue_ReadTable.Builder()
        .setTable(table).setSchema(changeSchema).setChangesAfter(afterVersion).build();
  }

  /** Reads the table as of {@code version} instead of the latest version. */
  public ReadTable atVersion(long version) {
    checkArgument(version >= 0, "version must be 0 or more, got %s", version);
    return toBuilder().setAsOf(version).build();
  }

  @Override
  public PCollection<Row> expand(PBegin begin) {
    TableLog log = TableLog.of(table());
    long latest = log.latestVersion();
    long version = asOf() == null ? latest : asOf();
    checkArgument(version <= latest, "table %s has no version %s; its latest is %s", table(), version, latest);
    if (changesAfter() != null) {
      return readFiles(begin, changeFiles(log, version));
    }
    TableLog.Current current = log.current(version);
    if (current.appendedFiles().isEmpty()) {
      return readFiles(begin, current.snapshotFiles());
    }
    return applyAppendedChanges(begin, current);
  }

  private PCollection<Row> readFiles(PBegin begin, List<String> files) {
    return begin
        .apply("ListFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply("MatchFiles", FileIO.matchAll())
        .apply("OpenFiles", FileIO.readMatches())
        .apply("ReadParquet", RowParquet.read(schema()))
        .setRowSchema(schema());
  }

  /**
   * The snapshot with the changes appended after it (streaming windows): per key, the row of the highest
   * sequence (when the appends recorded one), then of the newest version.
   */
  private PCollection<Row> applyAppendedChanges(PBegin begin, TableLog.Current current) {
    checkArgument(!current.keyColumns().isEmpty(), "table %s has appended changes but no key columns", table());
    List<TableLog.VersionedFile> files = new ArrayList<>();
    current.snapshotFiles().forEach(file -> files.add(new TableLog.VersionedFile(current.snapshotVersion(), file)));
    files.addAll(current.appendedFiles());
    List<String> keyColumns = current.keyColumns();
    return begin
        .apply("ListFiles", Create.of(files).withCoder(SerializableCoder.of(TableLog.VersionedFile.class)))
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("ReadVersionedRows", ParDo.of(new ReadVersionedRowsFn(schema())))
        .setCoder(KvCoder.of(VarLongCoder.of(), RowCoder.of(schema())))
        .apply("KeyRows", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptor.of(byte[].class), TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptor.of(Row.class))))
            .via(versioned -> KV.of(RowHashes.encode(versioned.getValue(), keyColumns), versioned)))
        .setCoder(KvCoder.of(ByteArrayCoder.of(), KvCoder.of(VarLongCoder.of(), RowCoder.of(schema()))))
        .apply("GroupVersionsOfKey", GroupByKey.create())
        .apply("KeepCurrentRow", ParDo.of(new LatestVersionPerKeyFn(current.sequenceColumn())))
        .setRowSchema(schema());
  }

  private List<String> changeFiles(TableLog log, long version) {
    List<String> files = new ArrayList<>();
    for (long committed : log.versions()) {
      if (committed > changesAfter() && committed <= version) {
        log.read(committed).changeFiles().forEach(file -> files.add(table().resolve(file)));
      }
    }
    return files;
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setTable(TablePath table);

    abstract Builder setSchema(Schema schema);

    abstract Builder setChangesAfter(Long changesAfter);

    abstract Builder setAsOf(Long asOf);

    abstract ReadTable build();
  }
}
