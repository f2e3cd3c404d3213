package io.carelake.pipelines.conformance;

import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.TableRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.values.Row;

/**
 * A lake's tables as sorted text lines, leaving out what differs between two correct runs of the same
 * input (wall-clock times): two runs with the same run ids on different runners must give identical
 * dumps.
 */
public final class LakeDump {
  /** Columns that name the moment, not the data (gold dimensions' {@code loaded_at} is their run's start). */
  public static final Set<String> RUN_SPECIFIC = Set.of(
      "ingested_at", "recorded_at", "started_at", "ended_at", "raised_at", "committed_at", "loaded_at");

  private final TreeMap<String, List<Row>> rows = new TreeMap<>();
  private final TreeMap<String, List<String>> tables = new TreeMap<>();

  private LakeDump() {}

  /** Every current row of every table, by table name ({@code zone/name}). */
  public static LakeDump of(List<LakeTable> tables) {
    LakeDump dump = new LakeDump();
    tables.forEach(table -> dump.rows.put(table.toString(), TableRows.read(table)));
    dump.rows.forEach((name, tableRows) -> dump.tables.put(name, lines(tableRows, Set.of())));
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
    rows.forEach((name, tableRows) -> dump.tables.put(name, lines(tableRows, columnsByTable.getOrDefault(name, Set.of()))));
    return dump;
  }

  /** Table name to its sorted lines. */
  public TreeMap<String, List<String>> tables() {
    return tables;
  }

  /**
   * What differs from {@code expected}, table by table: lines missing here ({@code -}) and lines only
   * here ({@code +}), at most {@code limit} per table. Empty when the dumps are equal.
   */
  public List<String> differencesFrom(LakeDump expected, int limit) {
    List<String> differences = new ArrayList<>();
    Set<String> names = new TreeSet<>(tables.keySet());
    names.addAll(expected.tables.keySet());
    for (String name : names) {
      List<String> mine = tables.getOrDefault(name, List.of());
      List<String> theirs = expected.tables.getOrDefault(name, List.of());
      Stream.concat(
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

  private static List<String> lines(List<Row> rows, Set<String> leftOut) {
    List<String> lines = new ArrayList<>(rows.size());
    for (Row row : rows) {
      lines.add(row.getSchema().getFieldNames().stream()
          .filter(name -> !RUN_SPECIFIC.contains(name) && !leftOut.contains(name))
          .map(name -> name + "=" + render(row.getValue(name)))
          .collect(Collectors.joining("|")));
    }
    lines.sort(null);
    return lines;
  }

  /** Values with a stable text form: maps sorted by key, lists in order, nested rows by column. */
  private static String render(Object value) {
    if (value instanceof Map<?, ?> map) {
      return new TreeMap<>(map.entrySet().stream().collect(Collectors.toMap(
          e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue())))).toString();
    }
    if (value instanceof Row row) {
      return row.getSchema().getFieldNames().stream()
          .filter(name -> !RUN_SPECIFIC.contains(name))
          .map(name -> name + ":" + render(row.getValue(name)))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof Iterable<?> list) {
      List<String> elements = new ArrayList<>();
      list.forEach(element -> elements.add(render(element)));
      return String.join(",", elements);
    }
    return String.valueOf(value);
  }
}
