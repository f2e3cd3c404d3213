package io.carelake.runners.spark;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.joda.time.ReadableInstant;

/**
 * Reads lake tables with Spark SQL and Iceberg's Spark runtime, as an analyst would, and renders rows of
 * both engines to one text form (timestamps as epoch milliseconds, maps sorted, structs by column) so
 * that they can be compared.
 *
 * <p>Spark runs in a JVM of its own: Iceberg's Spark runtime bundles Iceberg's Parquet classes built
 * against a relocated Parquet, which cannot share a class path with the Iceberg libraries CareLake writes
 * with. That JVM gets this test's class path without those libraries.
 */
final class SparkSqlReads {
  /** Spark 3.5's own module openings for Java 17 (its launcher adds the same). */
  private static final List<String> OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
      "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch",
      "sun.nio.cs", "sun.security.action", "sun.util.calendar");

  private SparkSqlReads() {}

  /**
   * Runs each query against the lake at {@code root} in a Spark JVM (catalog {@code lake}) and returns, per
   * query, its rows rendered and sorted.
   */
  static Map<String, List<String>> query(String root, Map<String, String> queries, Path workDir) throws Exception {
    Path out = workDir.resolve("spark-sql-rows.txt");
    Path log = workDir.resolve("spark-sql.log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx1g");
    OPENS.forEach(module -> command.add("--add-opens=java.base/" + module + "=ALL-UNNAMED"));
    command.add("-cp");
    String runtime = System.getProperty("icebergSparkRuntime");
    if (runtime == null || !Files.exists(Path.of(runtime))) {
      throw new AssertionError("system property icebergSparkRuntime must name Iceberg's Spark runtime jar; got " + runtime);
    }
    command.add(Stream.concat(Stream.of(runtime), Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.matches(".*/org/apache/iceberg/iceberg-[^/]*/.*")))
        .collect(Collectors.joining(File.pathSeparator)));
    command.add(SparkSqlReads.class.getName());
    command.add(root);
    command.add(out.toString());
    queries.forEach((name, sql) -> command.add(name + "=" + sql));
    Process spark = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!spark.waitFor(3, TimeUnit.MINUTES) || spark.exitValue() != 0) {
      spark.destroyForcibly();
      throw new AssertionError("Spark SQL failed:\n" + Files.readString(log));
    }
    Map<String, List<String>> results = new TreeMap<>();
    String current = null;
    for (String line : Files.readAllLines(out)) {
      if (line.startsWith("### ")) {
        current = line.substring(4);
        results.put(current, new ArrayList<>());
      } else {
        results.get(current).add(line);
      }
    }
    return results;
  }

  /** In the Spark JVM: {@code <lake root> <output file> <name>=<SQL> ...}. */
  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder()
        .master("local[1]")
        .appName("carelake-read-back")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog")
        .config("spark.sql.catalog.lake.type", "hadoop")
        .config("spark.sql.catalog.lake.warehouse", args[0])
        .getOrCreate();
    List<String> out = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      out.add("### " + args[i].substring(0, equals));
      List<String> lines = new ArrayList<>();
      for (Row row : spark.sql(args[i].substring(equals + 1)).collectAsList()) {
        lines.add(render(row));
      }
      lines.sort(null);
      out.addAll(lines);
    }
    Files.write(Path.of(args[1]), out);
    spark.stop();
  }

  /** Beam rows, rendered as Spark's are, and sorted. */
  static List<String> rendered(List<org.apache.beam.sdk.values.Row> rows) {
    List<String> lines = new ArrayList<>();
    rows.forEach(row -> lines.add(renderBeam(row)));
    lines.sort(null);
    return lines;
  }

  private static String render(Row row) {
    StructField[] fields = row.schema().fields();
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      columns.add(fields[i].name() + "=" + (row.isNullAt(i) ? "null" : value(row, i, fields[i].dataType())));
    }
    return String.join("|", columns);
  }

  private static String value(Row row, int i, DataType type) {
    if (type instanceof StructType) {
      return "{" + render(row.getStruct(i)) + "}";
    }
    if (type instanceof ArrayType) {
      return row.getList(i).stream().map(element -> element instanceof Row nested ? "{" + render(nested) + "}"
          : scalar(element)).collect(Collectors.joining(",", "[", "]"));
    }
    if (type instanceof MapType) {
      return sorted(row.getJavaMap(i));
    }
    return scalar(row.get(i));
  }

  private static String renderBeam(org.apache.beam.sdk.values.Row row) {
    return row.getSchema().getFieldNames().stream()
        .map(name -> name + "=" + beamValue(row.getValue(name)))
        .collect(Collectors.joining("|"));
  }

  private static String beamValue(Object value) {
    if (value instanceof org.apache.beam.sdk.values.Row nested) {
      return "{" + renderBeam(nested) + "}";
    }
    if (value instanceof Iterable<?> list) {
      List<String> elements = new ArrayList<>();
      list.forEach(element -> elements.add(beamValue(element)));
      return elements.stream().collect(Collectors.joining(",", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return sorted(map);
    }
    return scalar(value);
  }

  private static String sorted(Map<?, ?> map) {
    Map<String, String> entries = new TreeMap<>();
    map.forEach((key, entry) -> entries.put(scalar(key), scalar(entry)));
    return entries.toString();
  }

  private static String scalar(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof ReadableInstant instant) {
      return Long.toString(instant.getMillis());
    }
    if (value instanceof Instant instant) {
      return Long.toString(instant.toEpochMilli());
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return HexFormat.of().formatHex(bytes);
    }
    return value.toString();
  }
}
