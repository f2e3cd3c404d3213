package io.carelake.pipelines;

import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.TableRows;
import io.carelake.transforms.tables.TableSnapshot;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * Prints a lake table's schema, versions, row count and first rows: a look at the output without writing
 * code. {@code --asOf} shows an earlier version, by snapshot id or by time (time travel);
 * {@code --history=true} lists the table's versions.
 */
final class Show {
  private static final String USAGE = "usage: show --lake=DIR --table=ZONE/NAME [--rows=N] [--asOf=SNAPSHOT_ID|ISO_TIME]"
      + " [--history=true] [--catalog=PROPERTIES]   e.g. --table=silver/members --asOf=2025-03-02T00:00:00Z";

  private Show() {}

  static void main(String[] argv) {
    Args args = Args.parse(argv, List.of("lake", "table", "rows", "asOf", "history", "catalog"));
    String lakeRoot = args.get("lake", "");
    String name = args.get("table", "");
    if (lakeRoot.isEmpty() || !name.contains("/")) {
      System.err.println(USAGE);
      System.exit(2);
    }
    // Outside a pipeline only the local filesystem is registered until options are given.
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    LakeTable table = Lake.at(lakeRoot, args.get("catalog", "")).table(name);
    if (!table.exists()) {
      System.out.println(table + ": no such table in the lake (yet)");
      return;
    }
    List<TableSnapshot> history = table.history();
    Optional<Long> snapshot = args.get("asOf", "").isEmpty() ? table.currentSnapshotId()
        : Optional.of(snapshotAsOf(table, args.get("asOf", "")));
    System.out.println(table + " (" + table.location() + "), " + history.size() + " version(s) kept"
        + snapshot.map(id -> ", showing snapshot " + id).orElse(", no snapshot yet"));
    if (Boolean.parseBoolean(args.get("history", "false"))) {
      System.out.println("versions, oldest first:");
      history.forEach(version -> System.out.println("  " + describe(version)));
    }
    List<Row> rows = snapshot.map(id -> TableRows.readSnapshot(table, id)).orElse(List.of());
    Schema schema = rows.isEmpty() ? table.schema() : rows.get(0).getSchema();
    System.out.println("schema:");
    schema.getFields().forEach(field -> System.out.println("  " + field.getName() + ": " + describe(field.getType())));
    System.out.println(rows.size() + " rows");
    rows.stream().limit(args.getLong("rows", 10)).forEach(row -> System.out.println("  " + render(row)));
  }

  /** A snapshot id, or the snapshot current at an ISO-8601 time. */
  private static long snapshotAsOf(LakeTable table, String asOf) {
    if (asOf.matches("-?\\d+")) {
      return Long.parseLong(asOf);
    }
    try {
      Instant time = Instant.parse(asOf);
      return table.snapshotAsOf(time).orElseThrow(() -> new IllegalArgumentException(
          "table " + table + " had no version at " + asOf));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--asOf takes a snapshot id or an ISO-8601 time such as 2025-03-02T00:00:00Z");
    }
  }

  private static String describe(TableSnapshot version) {
    return String.format("%d  %s  %-9s run=%s rows_added=%d rows_total=%d", version.id(), version.committedAt(),
        version.operation(), version.runId(), version.addedRows(), version.totalRows());
  }

  /** A column type as people write them: DATE rather than Beam's logical-type identifier. */
  private static String describe(Schema.FieldType type) {
    String name = type.getTypeName() == Schema.TypeName.LOGICAL_TYPE
        ? type.getLogicalType().getIdentifier().replaceAll("^beam:logical_type:([a-z_]+):v\\d+$", "$1").toUpperCase(Locale.ROOT)
        : type.withNullable(false).toString();
    return type.getNullable() ? name : name + " NOT NULL";
  }

  private static String render(Row row) {
    return row.getSchema().getFieldNames().stream()
        .map(name -> name + "=" + row.getValue(name))
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
