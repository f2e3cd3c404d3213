package io.carelake.transforms.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.fs.MatchResult.Metadata;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Reads lake data into memory without a pipeline: for tests, and for tools that show a table. Meant for
 * small data. Files are read in path order, rows in file order.
 *
 * <p>Works on any filesystem Beam knows; for {@code gs://} register it first with
 * {@code FileSystems.setDefaultPipelineOptions}.
 */
public final class ParquetTables {
  private ParquetTables() {}

  /**
   * Every row of the latest committed version, with the changes appended after its snapshot applied;
   * empty for a table without versions.
   */
  public static List<GenericRecord> table(TablePath table) {
    TableLog log = TableLog.of(table);
    TableLog.Current current = log.current(log.latestVersion());
    List<GenericRecord> snapshot = files(current.snapshotFiles());
    if (current.appendedFiles().isEmpty()) {
      return snapshot;
    }
    // As ReadTable: per key the highest sequence (when recorded), then the newest version.
    Map<List<String>, KV<Long, GenericRecord>> byKey = new LinkedHashMap<>();
    snapshot.forEach(row -> byKey.put(key(row, current.keyColumns()), KV.of(current.snapshotVersion(), row)));
    String sequence = current.sequenceColumn();
    for (TableLog.VersionedFile appended : current.appendedFiles()) {
      for (GenericRecord row : withoutChangeColumns(files(List.of(appended.path())))) {
        KV<Long, GenericRecord> candidate = KV.of(appended.version(), row);
        byKey.merge(key(row, current.keyColumns()), candidate, (kept, next) ->
            sequence != null && (Long) kept.getValue().get(sequence) > (Long) next.getValue().get(sequence) ? kept : next);
      }
    }
    return byKey.values().stream().map(KV::getValue).collect(Collectors.toList());
  }

  private static List<String> key(GenericRecord row, List<String> keyColumns) {
    return keyColumns.stream().map(column -> String.valueOf(row.get(column))).collect(Collectors.toList());
  }

  /** The table rows of a change file's records: every column but the change feed's. */
  private static List<GenericRecord> withoutChangeColumns(List<GenericRecord> changes) {
    if (changes.isEmpty()) {
      return changes;
    }
    org.apache.avro.Schema changeSchema = changes.get(0).getSchema();
    List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
    for (org.apache.avro.Schema.Field field : changeSchema.getFields()) {
      if (!ChangeFeed.COLUMNS.contains(field.name())) {
        fields.add(new org.apache.avro.Schema.Field(field, field.schema()));
      }
    }
    org.apache.avro.Schema rowSchema = org.apache.avro.Schema.createRecord(
        changeSchema.getName(), changeSchema.getDoc(), changeSchema.getNamespace(), false, fields);
    List<GenericRecord> rows = new ArrayList<>(changes.size());
    for (GenericRecord change : changes) {
      GenericData.Record row = new GenericData.Record(rowSchema);
      rowSchema.getFields().forEach(field -> row.put(field.name(), change.get(field.name())));
      rows.add(row);
    }
    return rows;
  }


  /** The change feed: every change row of every committed version, oldest version first. */
  public static List<GenericRecord> changes(TablePath table) {
    TableLog log = TableLog.of(table);
    return files(log.versions().stream()
        .flatMap(version -> log.read(version).changeFiles().stream().map(table::resolve))
        .collect(Collectors.toList()));
  }

  /** Every row of every run of a dataset. */
  public static List<GenericRecord> dataset(DatasetPath dataset) {
    return read(LakeFiles.match(dataset.allFilesPattern()));
  }

  public static List<Row> tableRows(TablePath table, Schema schema) {
    return toRows(table(table), schema);
  }

  public static List<Row> datasetRows(DatasetPath dataset, Schema schema) {
    return toRows(dataset(dataset), schema);
  }

  /** Every row of the given Parquet files (paths or glob patterns). */
  public static List<GenericRecord> files(List<String> paths) {
    List<Metadata> matched = new ArrayList<>();
    for (String path : paths) {
      matched.addAll(LakeFiles.match(path));
    }
    return read(matched);
  }

  private static List<Row> toRows(List<GenericRecord> records, Schema schema) {
    return records.stream().map(record -> AvroRows.toRow(record, schema)).collect(Collectors.toList());
  }

  private static List<GenericRecord> read(List<Metadata> files) {
    List<Metadata> ordered = new ArrayList<>(files);
    ordered.sort(Comparator.comparing(file -> file.resourceId().toString()));
    List<GenericRecord> records = new ArrayList<>();
    for (Metadata file : ordered) {
      try {
        RowParquet.readRecords(file, records::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file.resourceId(), e);
      }
    }
    return records;
  }
}
