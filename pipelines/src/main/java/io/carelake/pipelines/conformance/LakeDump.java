package io.carelake.pipelines.conformance;

import io.carelake.transforms.tables.DatasetPath;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.ParquetTables;
import io.carelake.transforms.tables.TablePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;

/**
 * A lake's tables as sorted text lines, leaving out what differs between two correct runs of the same
 * input (wall-clock times): two runs with the same run ids on different runners must give identical
 * dumps.
 */
public final class LakeDump {
  /** Columns that name the moment, not the data. */
  public static final Set<String> RUN_SPECIFIC = Set.of(
      "ingested_at", "recorded_at", "started_at", "ended_at", "raised_at", "committed_at");

  private final TreeMap<String, List<GenericRecord>> rows = new TreeMap<>();
  private final TreeMap<String, List<String>> tables = new TreeMap<>();

  private LakeDump() {}

  public static LakeDump of(Lake lake, List<TablePath> tables, List<DatasetPath> datasets) {
    LakeDump dump = new LakeDump();
    tables.forEach(table -> dump.rows.put(table.toString().substring(lake.root().length()), ParquetTables.table(table)));
    datasets.forEach(dataset -> dump.rows.put(dataset.toString().substring(lake.root().length()),
        ParquetTables.dataset(dataset)));
    dump.rows.forEach((name, records) -> dump.tables.put(name, lines(records, Set.of())));
    return dump;
  }

  /**
   * The same dump without some columns of some tables, for comparisons where those columns may
   * rightly differ.
   *
   * @param columnsByTable table name (as in {@link #tables()}) to the columns to leave out
   */
  public LakeDump without(Map<String, Set<String>> columnsByTable) {
    LakeDump dump = new LakeDump();
    dump.rows.putAll(rows);
    rows.forEach((name, records) -> dump.tables.put(name, lines(records, columnsByTable.getOrDefault(name, Set.of()))));
    return dump;
  }

  /** Table name (relative to the lake root) to its sorted lines. */
  public TreeMap<String, List<String>> tables() {
    return tables;
  }

  /**
   * What differs from {@code expected}, table by table: lines missing here ({@code -}) and lines only
   * here ({@code +}), at most {@code limit} per table. Empty when the dumps are equal.
   */
  public List<String> differencesFrom(LakeDump expected, int limit) {
    List<String> differences = new ArrayList<>();
    java.util.Set<String> names = new java.util.TreeSet<>(tables.keySet());
    names.addAll(expected.tables.keySet());
    for (String name : names) {
      List<String> mine = tables.getOrDefault(name, List.of());
      List<String> theirs = expected.tables.getOrDefault(name, List.of());
      java.util.stream.Stream.concat(
              theirs.stream().filter(line -> !mine.contains(line)).map(line -> name + " - " + line),
              mine.stream().filter(line -> !theirs.contains(line)).map(line -> name + " + " + line))
          .limit(limit)
          .forEach(differences::add);
      if (mine.size() != theirs.size()) {
        differences.add(name + ": " + mine.size() + " rows, expected " + theirs.size());
      }
    }
    return differences;
  }

  private static List<String> lines(List<GenericRecord> rows, Set<String> leftOut) {
    List<String> lines = new ArrayList<>(rows.size());
    for (GenericRecord row : rows) {
      lines.add(row.getSchema().getFields().stream()
          .filter(field -> !RUN_SPECIFIC.contains(field.name()) && !leftOut.contains(field.name()))
          .map(field -> field.name() + "=" + render(row.get(field.pos())))
          .collect(Collectors.joining("|")));
    }
    lines.sort(null);
    return lines;
  }

  /** Avro values with a stable text form: maps sorted by key, lists in order. */
  private static String render(Object value) {
    if (value instanceof java.util.Map<?, ?> map) {
      return new TreeMap<>(map.entrySet().stream().collect(Collectors.toMap(
          e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue())))).toString();
    }
    if (value instanceof GenericRecord record) {
      return record.getSchema().getFields().stream()
          .filter(field -> !RUN_SPECIFIC.contains(field.name()))
          .map(field -> field.name() + ":" + render(record.get(field.pos())))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(LakeDump::render).collect(Collectors.joining(",", "[", "]"));
    }
    return String.valueOf(value);
  }
}
