package io.carelake.transforms.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.logicaltypes.Date;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;

/**
 * Avro records read from Parquet back into Beam rows. {@code AvroUtils.toBeamRowStrict} turns an Avro
 * {@code date} only into a DATETIME, not into the {@code SqlTypes.DATE} that silver tables use, and
 * gives up on such a column at any depth; so containers and dates are converted here and every other
 * value is left to AvroUtils. Fields are looked up by name, so column order in a file does not matter.
 */
final class AvroRows {
  private AvroRows() {}

  static SerializableFunction<GenericRecord, Row> toRowFunction(Schema schema) {
    return record -> toRow(record, schema);
  }

  static Row toRow(GenericRecord record, Schema schema) {
    List<Object> values = new ArrayList<>(schema.getFieldCount());
    for (Field field : schema.getFields()) {
      org.apache.avro.Schema.Field avroField = record.getSchema().getField(field.getName());
      if (avroField == null) {
        throw new IllegalArgumentException("column " + field.getName() + " is missing from record schema "
            + record.getSchema().getFullName());
      }
      values.add(convert(record.get(avroField.pos()), avroField.schema(), field.getType()));
    }
    return Row.withSchema(schema).addValues(values).build();
  }

  private static Object convert(Object value, org.apache.avro.Schema avroSchema, FieldType type) {
    if (value == null) {
      return null;
    }
    org.apache.avro.Schema avroType = withoutNull(avroSchema);
    switch (type.getTypeName()) {
      case ROW:
        return toRow((GenericRecord) value, type.getRowSchema());
      case ARRAY:
      case ITERABLE:
        List<Object> elements = new ArrayList<>();
        for (Object element : (Iterable<?>) value) {
          elements.add(convert(element, avroType.getElementType(), type.getCollectionElementType()));
        }
        return elements;
      case MAP:
        Map<Object, Object> entries = new HashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          entries.put(
              convert(entry.getKey(), org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING), type.getMapKeyType()),
              convert(entry.getValue(), avroType.getValueType(), type.getMapValueType()));
        }
        return entries;
      case LOGICAL_TYPE:
        if (Date.IDENTIFIER.equals(type.getLogicalType().getIdentifier())) {
          return LocalDate.ofEpochDay(((Number) value).longValue());
        }
        return AvroUtils.convertAvroFieldStrict(value, avroType, type);
      default:
        return AvroUtils.convertAvroFieldStrict(value, avroType, type);
    }
  }

  private static org.apache.avro.Schema withoutNull(org.apache.avro.Schema schema) {
    if (schema.getType() != org.apache.avro.Schema.Type.UNION) {
      return schema;
    }
    for (org.apache.avro.Schema branch : schema.getTypes()) {
      if (branch.getType() != org.apache.avro.Schema.Type.NULL) {
        return branch;
      }
    }
    throw new IllegalArgumentException("union without a non-null branch: " + schema);
  }
}
