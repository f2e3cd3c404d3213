package io.carelake.transforms.tables;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.joda.time.Instant;

/**
 * Records read by Iceberg's generic readers as Beam rows of a chosen schema: columns matched by name
 * once, values converted as Beam holds them (UTC date-times to instants, buffers to byte arrays, nested
 * records to rows). A column the table does not have reads as null.
 */
final class IcebergRows implements Function<Record, Row>, Serializable {
  private static final long serialVersionUID = 1L;

  private final Schema schema;
  private final int[] positions;
  private final IcebergRows[] nested;
  private final IcebergRows[] mapValues;

  private IcebergRows(Types.StructType struct, Schema schema) {
    this.schema = schema;
    this.positions = new int[schema.getFieldCount()];
    this.nested = new IcebergRows[schema.getFieldCount()];
    this.mapValues = new IcebergRows[schema.getFieldCount()];
    List<Types.NestedField> columns = struct.fields();
    for (int i = 0; i < schema.getFieldCount(); i++) {
      Field field = schema.getField(i);
      positions[i] = -1;
      for (int p = 0; p < columns.size(); p++) {
        if (columns.get(p).name().equals(field.getName())) {
          positions[i] = p;
          nested[i] = nestedConverter(columns.get(p).type(), field.getType());
          if (columns.get(p).type().isMapType() && field.getType().getMapValueType() != null) {
            mapValues[i] = nestedConverter(columns.get(p).type().asMapType().valueType(),
                field.getType().getMapValueType());
          }
        }
      }
      if (positions[i] < 0 && !field.getType().getNullable()) {
        throw new IllegalArgumentException("the table has no column " + field.getName() + ", which is not nullable");
      }
    }
  }

  /** Converts records of {@code struct} into rows of {@code schema}. */
  static IcebergRows of(Types.StructType struct, Schema schema) {
    return new IcebergRows(struct, schema);
  }

  private static IcebergRows nestedConverter(org.apache.iceberg.types.Type type, FieldType fieldType) {
    if (type.isStructType() && fieldType.getTypeName() == Schema.TypeName.ROW) {
      return new IcebergRows(type.asStructType(), fieldType.getRowSchema());
    }
    if (type.isListType() && fieldType.getCollectionElementType() != null) {
      return nestedConverter(type.asListType().elementType(), fieldType.getCollectionElementType());
    }
    return null;
  }

  @Override
  public Row apply(Record record) {
    List<Object> values = new ArrayList<>(positions.length);
    for (int i = 0; i < positions.length; i++) {
      values.add(positions[i] < 0 ? null : toBeam(record.get(positions[i]), nested[i], mapValues[i]));
    }
    return Row.withSchema(schema).attachValues(values);
  }

  private static Object toBeam(Object value, IcebergRows nested, IcebergRows mapValues) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime time) {
      return new Instant(time.toInstant().toEpochMilli());
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return bytes;
    }
    if (value instanceof Record record) {
      return nested.apply(record);
    }
    if (value instanceof List<?> list) {
      List<Object> elements = new ArrayList<>(list.size());
      list.forEach(element -> elements.add(toBeam(element, nested, null)));
      return elements;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> entries = new HashMap<>();
      map.forEach((key, entry) -> entries.put(toBeam(key, null, null), toBeam(entry, mapValues, null)));
      return entries;
    }
    if (value instanceof UUID uuid) {
      return uuid.toString();
    }
    return value;
  }
}
