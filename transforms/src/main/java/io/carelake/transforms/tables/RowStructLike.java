package io.carelake.transforms.tables;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;
import org.joda.time.ReadableInstant;

/**
 * A Beam row seen as an Iceberg struct of a given type, with values in Iceberg's internal representation
 * (timestamps as microseconds, dates as days): what partition keys and equality keys are computed from.
 * Reusable: {@link #wrap} points it at the next row.
 */
final class RowStructLike implements StructLike {
  private final int[] fields;
  private final Type[] types;
  private final RowStructLike[] nested;
  private Row row;

  private RowStructLike(Schema rowSchema, Types.StructType struct) {
    List<NestedField> columns = struct.fields();
    fields = new int[columns.size()];
    types = new Type[columns.size()];
    nested = new RowStructLike[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      NestedField column = columns.get(i);
      fields[i] = rowSchema.hasField(column.name()) ? rowSchema.indexOf(column.name()) : -1;
      types[i] = column.type();
      if (column.type().isStructType() && fields[i] >= 0) {
        nested[i] = new RowStructLike(rowSchema.getField(fields[i]).getType().getRowSchema(), column.type().asStructType());
      }
    }
  }

  static RowStructLike of(Schema rowSchema, Types.StructType struct) {
    return new RowStructLike(rowSchema, struct);
  }

  RowStructLike wrap(Row newRow) {
    this.row = newRow;
    return this;
  }

  @Override
  public int size() {
    return fields.length;
  }

  @Override
  public <T> T get(int pos, Class<T> javaClass) {
    Object value = fields[pos] < 0 ? null : row.getValue(fields[pos]);
    return javaClass.cast(value == null ? null : internal(value, pos));
  }

  private Object internal(Object value, int pos) {
    switch (types[pos].typeId()) {
      case TIMESTAMP:
        if (value instanceof ReadableInstant instant) {
          return instant.getMillis() * 1000L;
        }
        Instant instant = value instanceof LocalDateTime local ? local.toInstant(ZoneOffset.UTC) : (Instant) value;
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
      case DATE:
        return (int) ((LocalDate) value).toEpochDay();
      case BINARY:
      case FIXED:
        return ByteBuffer.wrap((byte[]) value);
      case STRUCT:
        return nested[pos].wrap((Row) value);
      default:
        return value;
    }
  }

  @Override
  public <T> void set(int pos, T value) {
    throw new UnsupportedOperationException("a row seen as a struct is read-only");
  }
}
