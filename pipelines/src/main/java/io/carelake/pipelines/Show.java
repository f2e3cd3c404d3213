package io.carelake.pipelines;

import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.ParquetTables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Prints a lake table's schema, row count and first rows: a look at the output without writing code. The
 * lake may be on any filesystem the jar has (a local folder; {@code gs://} in jars with Beam's GCP core).
 */
final class Show {
  private Show() {}

  static void main(String[] argv) {
    Args args = Args.parse(argv, List.of("lake", "table", "rows"));
    String table = args.get("table", "");
    String lakeRoot = args.get("lake", "");
    int slash = table.indexOf('/');
    if (lakeRoot.isEmpty() || slash < 1) {
      System.err.println("usage: show --lake=DIR --table=ZONE/NAME [--rows=N]   e.g. --table=silver/members");
      System.exit(2);
    }
    // Outside a pipeline only the local filesystem is registered until options are given.
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    Lake lake = Lake.at(lakeRoot);
    String zone = table.substring(0, slash);
    String name = table.substring(slash + 1);
    List<GenericRecord> rows = Lake.TABLE_ZONES.contains(zone)
        ? ParquetTables.table(lake.table(zone, name))
        : ParquetTables.dataset(lake.dataset(zone, name));
    System.out.println(table + " (" + (Lake.TABLE_ZONES.contains(zone) ? lake.table(zone, name) : lake.dataset(zone, name)) + ")");
    if (rows.isEmpty()) {
      System.out.println("0 rows");
      return;
    }
    System.out.println("schema:");
    for (Schema.Field field : rows.get(0).getSchema().getFields()) {
      System.out.println("  " + field.name() + ": " + describe(field.schema()));
    }
    System.out.println(rows.size() + " rows");
    rows.stream().limit(args.getLong("rows", 10)).forEach(row -> System.out.println("  " + render(row)));
  }

  /** A row with its dates and timestamps readable (Avro holds them as days and milliseconds). */
  private static String render(GenericRecord row) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Schema.Field field : row.getSchema().getFields()) {
      Object value = row.get(field.pos());
      String type = describe(field.schema());
      if (value instanceof Integer days && type.startsWith("date")) {
        value = LocalDate.ofEpochDay(days);
      } else if (value instanceof Long millis && type.startsWith("timestamp-millis")) {
        value = Instant.ofEpochMilli(millis);
      }
      values.put(field.name(), value);
    }
    return values.toString();
  }

  private static String describe(Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst()
          .map(Show::describe).orElse("null") + " (nullable)";
    }
    return schema.getLogicalType() != null ? schema.getLogicalType().getName() : schema.getType().getName();
  }
}
