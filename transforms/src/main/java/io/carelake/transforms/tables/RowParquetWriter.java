package io.carelake.transforms.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.values.Row;
import org.apache.iceberg.data.parquet.BaseParquetWriter;
import org.apache.iceberg.parquet.ParquetValueWriter;
import org.apache.iceberg.parquet.ParquetValueWriters;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;
import org.apache.parquet.schema.MessageType;
import org.joda.time.ReadableInstant;

/**
 * Writes Beam rows straight into Iceberg's Parquet value writers: no intermediate record per row. Iceberg
 * writes dates from {@code LocalDate}, as Beam holds them; the few values Beam holds otherwise are
 * converted as they are written (instants to UTC date-times, byte arrays to buffers, decimals to the
 * column's scale).
 *
 * <p>Top-level columns are matched to the row's fields by name, so a table whose columns were added to
 * (or reordered) since a pipeline's schema was set still takes its rows; a column the rows lack is
 * written null. Nested rows must have their struct's fields in order, and decimals are rescaled to their
 * column's scale at the top level only.
 */
final class RowParquetWriter extends BaseParquetWriter<Row> {
  private RowParquetWriter() {}

  /** A writer of rows of {@code rowSchema} into Parquet files of {@code tableSchema}'s {@code type}. */
  static ParquetValueWriter<Row> of(Schema rowSchema, org.apache.iceberg.Schema tableSchema, MessageType type) {
    RowStructWriter root = (RowStructWriter) new RowParquetWriter().createWriter(type);
    List<NestedField> columns = tableSchema.columns();
    int[] fields = new int[columns.size()];
    int[] scales = new int[columns.size()];
    boolean[] asIs = new boolean[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      NestedField column = columns.get(i);
      fields[i] = rowSchema.hasField(column.name()) ? rowSchema.indexOf(column.name()) : -1;
      if (fields[i] < 0 && column.isRequired()) {
        throw new IllegalArgumentException("rows written to the table lack its required column " + column.name());
      }
      scales[i] = column.type() instanceof Types.DecimalType decimal ? decimal.scale() : -1;
      asIs[i] = fields[i] >= 0 && takenAsIs(rowSchema.getField(fields[i]).getType());
    }
    root.readFields(fields, scales, asIs);
    return root;
  }

  @Override
  protected ParquetValueWriters.StructWriter<Row> createStructWriter(List<ParquetValueWriter<?>> writers) {
    return new RowStructWriter(writers);
  }

  private static final class RowStructWriter extends ParquetValueWriters.StructWriter<Row> {
    /** For the top-level struct: the row field of each column (-1: none) and decimal scales (-1: not one). */
    private int[] fields;
    private int[] scales;
    /** Columns whose values Iceberg takes as Beam holds them, known from the schema: no per-value checks. */
    private boolean[] asIs;

    RowStructWriter(List<ParquetValueWriter<?>> writers) {
      super(writers);
    }

    void readFields(int[] fields, int[] scales, boolean[] asIs) {
      this.fields = fields;
      this.scales = scales;
      this.asIs = asIs;
    }

    @Override
    protected Object get(Row row, int index) {
      if (fields == null) {
        return toIceberg(row.getValue(index));
      }
      int field = fields[index];
      if (asIs[index]) {
        return row.getValue(field);
      }
      Object value = field < 0 ? null : toIceberg(row.getValue(field));
      if (value instanceof BigDecimal decimal && decimal.scale() != scales[index]) {
        return decimal.setScale(scales[index], RoundingMode.UNNECESSARY);
      }
      return value;
    }
  }

  /** A Beam value as Iceberg's generic writers take it. */
  private static Object toIceberg(Object value) {
    if (value instanceof ReadableInstant instant) {
      return Instant.ofEpochMilli(instant.getMillis()).atOffset(ZoneOffset.UTC);
    }
    if (value instanceof Instant instant) {
      return instant.atOffset(ZoneOffset.UTC);
    }
    if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes);
    }
    if (value instanceof Iterable<?> iterable) {
      return elements(iterable);
    }
    if (value instanceof Map<?, ?> map) {
      return entries(map);
    }
    return value;
  }

  /** A list's elements as Iceberg's writers take them; the list itself when none needs converting. */
  private static Collection<?> elements(Iterable<?> iterable) {
    boolean convert = !(iterable instanceof Collection<?>);
    for (Object element : iterable) {
      convert |= needsConverting(element);
    }
    if (!convert) {
      return (Collection<?>) iterable;
    }
    List<Object> elements = new ArrayList<>();
    iterable.forEach(element -> elements.add(toIceberg(element)));
    return elements;
  }

  private static Map<?, ?> entries(Map<?, ?> map) {
    boolean convert = false;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      convert |= needsConverting(entry.getKey()) || needsConverting(entry.getValue());
    }
    if (!convert) {
      return map;
    }
    Map<Object, Object> entries = new LinkedHashMap<>();
    map.forEach((key, value) -> entries.put(toIceberg(key), toIceberg(value)));
    return entries;
  }

  /**
   * Whether values of {@code type} go to Iceberg's writers as Beam holds them: numbers, booleans, strings
   * and dates, and lists and maps of those (a bronze record's fields, checked value by value otherwise).
   */
  private static boolean takenAsIs(FieldType type) {
    switch (type.getTypeName()) {
      case BYTE, INT16, INT32, INT64, FLOAT, DOUBLE, STRING, BOOLEAN:
        return true;
      case ARRAY, ITERABLE:
        return false;
      case MAP:
        return takenAsIs(type.getMapKeyType()) && takenAsIs(type.getMapValueType());
      case LOGICAL_TYPE:
        return SqlTypes.DATE.getIdentifier().equals(type.getLogicalType().getIdentifier());
      default:
        return false;
    }
  }

  private static boolean needsConverting(Object value) {
    return value instanceof ReadableInstant || value instanceof Instant || value instanceof byte[]
        || value instanceof Iterable<?> || value instanceof Map<?, ?>;
  }
}
