package io.carelake.transforms.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.FixedPrecisionNumeric;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.values.Row;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/**
 * Beam schemas as Iceberg schemas and back. Types map one to one: STRING, INT32, INT64, FLOAT, DOUBLE,
 * BOOLEAN, BYTES; {@code SqlTypes.DATE} to {@code date}; DATETIME (milliseconds) to {@code timestamptz}
 * (microseconds, so exact); {@code SqlTypes.DATETIME} to {@code timestamp}; {@code FixedPrecisionNumeric}
 * to {@code decimal(p, s)}; arrays, maps and rows to lists, maps and structs. A nullable Beam field is
 * an optional Iceberg field. Other types are refused when a table is created, naming the column.
 */
final class TableSchemas {
  private TableSchemas() {}

  /** The Iceberg schema of {@code schema}, with fresh field ids. */
  static org.apache.iceberg.Schema toIceberg(Schema schema) {
    AtomicInteger ids = new AtomicInteger(0);
    Types.StructType struct = struct(schema, ids, "");
    return TypeUtil.assignFreshIds(new org.apache.iceberg.Schema(struct.fields()), ids::incrementAndGet);
  }

  private static Types.StructType struct(Schema schema, AtomicInteger ids, String prefix) {
    List<NestedField> fields = new ArrayList<>();
    for (Field field : schema.getFields()) {
      Type type = type(field.getType(), ids, prefix + field.getName());
      fields.add(field.getType().getNullable()
          ? NestedField.optional(ids.incrementAndGet(), field.getName(), type)
          : NestedField.required(ids.incrementAndGet(), field.getName(), type));
    }
    return Types.StructType.of(fields);
  }

  private static Type type(FieldType type, AtomicInteger ids, String column) {
    switch (type.getTypeName()) {
      case STRING:
        return Types.StringType.get();
      case INT32:
        return Types.IntegerType.get();
      case INT64:
        return Types.LongType.get();
      case FLOAT:
        return Types.FloatType.get();
      case DOUBLE:
        return Types.DoubleType.get();
      case BOOLEAN:
        return Types.BooleanType.get();
      case BYTES:
        return Types.BinaryType.get();
      case DATETIME:
        return Types.TimestampType.withZone();
      case ARRAY:
      case ITERABLE:
        FieldType element = type.getCollectionElementType();
        Type elementType = type(element, ids, column + ".element");
        return element.getNullable() ? Types.ListType.ofOptional(ids.incrementAndGet(), elementType)
            : Types.ListType.ofRequired(ids.incrementAndGet(), elementType);
      case MAP:
        Type key = type(type.getMapKeyType(), ids, column + ".key");
        Type value = type(type.getMapValueType(), ids, column + ".value");
        return type.getMapValueType().getNullable()
            ? Types.MapType.ofOptional(ids.incrementAndGet(), ids.incrementAndGet(), key, value)
            : Types.MapType.ofRequired(ids.incrementAndGet(), ids.incrementAndGet(), key, value);
      case ROW:
        return struct(type.getRowSchema(), ids, column + ".");
      case LOGICAL_TYPE:
        String identifier = type.getLogicalType().getIdentifier();
        if (SqlTypes.DATE.getIdentifier().equals(identifier)) {
          return Types.DateType.get();
        }
        if (SqlTypes.DATETIME.getIdentifier().equals(identifier)) {
          return Types.TimestampType.withoutZone();
        }
        if (FixedPrecisionNumeric.IDENTIFIER.equals(identifier)) {
          Row precision = type.getLogicalType(FixedPrecisionNumeric.class).getArgument();
          return Types.DecimalType.of(precision.getInt32("precision"), precision.getInt32("scale"));
        }
        throw new IllegalArgumentException("column " + column + ": no table type for logical type " + identifier);
      default:
        throw new IllegalArgumentException("column " + column + ": no table type for " + type.getTypeName()
            + (type.getTypeName() == Schema.TypeName.DECIMAL ? "; use FixedPrecisionNumeric for decimals" : ""));
    }
  }

  /** The Beam schema of an Iceberg schema (or struct), for rows read from a table. */
  static Schema toBeam(Types.StructType struct) {
    Schema.Builder schema = Schema.builder();
    for (NestedField field : struct.fields()) {
      schema.addField(Field.of(field.name(), fieldType(field.type()).withNullable(field.isOptional())));
    }
    return schema.build();
  }

  private static FieldType fieldType(Type type) {
    switch (type.typeId()) {
      case STRING:
      case UUID:
        return FieldType.STRING;
      case INTEGER:
        return FieldType.INT32;
      case LONG:
        return FieldType.INT64;
      case FLOAT:
        return FieldType.FLOAT;
      case DOUBLE:
        return FieldType.DOUBLE;
      case BOOLEAN:
        return FieldType.BOOLEAN;
      case BINARY:
      case FIXED:
        return FieldType.BYTES;
      case DATE:
        return FieldType.logicalType(SqlTypes.DATE);
      case TIME:
        return FieldType.logicalType(SqlTypes.TIME);
      case TIMESTAMP:
        return ((Types.TimestampType) type).shouldAdjustToUTC() ? FieldType.DATETIME
            : FieldType.logicalType(SqlTypes.DATETIME);
      case DECIMAL:
        Types.DecimalType decimal = (Types.DecimalType) type;
        return FieldType.logicalType(FixedPrecisionNumeric.of(decimal.precision(), decimal.scale()));
      case LIST:
        NestedField element = type.asListType().fields().get(0);
        return FieldType.array(fieldType(element.type()).withNullable(element.isOptional()));
      case MAP:
        Types.MapType map = type.asMapType();
        return FieldType.map(fieldType(map.keyType()),
            fieldType(map.valueType()).withNullable(map.isValueOptional()));
      case STRUCT:
        return FieldType.row(toBeam(type.asStructType()));
      default:
        throw new IllegalArgumentException("no Beam type for table type " + type);
    }
  }
}
