package io.carelake.transforms.tables;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.LogicalType;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/**
 * A canonical byte encoding of row values, and the SHA-256 row hash built on it. Hashes are stored in
 * change feeds and compared across runs and runners, so the encoding is fixed and independent of any
 * coder: every value is preceded by a null marker, variable-length values by their length, collections
 * by their size, and map entries are sorted by encoded key. Two different rows of one schema never
 * encode alike (a null is not an empty string; {@code "ab","c"} is not {@code "a","bc"}).
 */
public final class RowHashes {
  private static final HexFormat HEX = HexFormat.of();

  private RowHashes() {}

  /** SHA-256, lower-case hex, of every column not in {@code ignoredColumns}, in schema order. */
  public static String hash(Row row, Collection<String> ignoredColumns) {
    List<Field> fields = row.getSchema().getFields();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    for (int i = 0; i < fields.size(); i++) {
      if (!ignoredColumns.contains(fields.get(i).getName())) {
        write(out, fields.get(i).getType(), row.getValue(i));
      }
    }
    return HEX.formatHex(sha256().digest(bytes.toByteArray()));
  }

  /** The encoding of the given columns, in the given order: a grouping key that compares exactly. */
  public static byte[] encode(Row row, List<String> columns) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    Schema schema = row.getSchema();
    for (String column : columns) {
      write(out, schema.getField(column).getType(), row.getValue(column));
    }
    return bytes.toByteArray();
  }

  private static void write(DataOutputStream out, FieldType type, Object value) {
    try {
      if (value == null) {
        out.writeByte(0);
        return;
      }
      out.writeByte(1);
      writeNonNull(out, type, value);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory stream cannot fail", e);
    }
  }

  private static void writeNonNull(DataOutputStream out, FieldType type, Object value) throws IOException {
    switch (type.getTypeName()) {
      case BYTE:
        out.writeByte((Byte) value);
        break;
      case INT16:
        out.writeShort((Short) value);
        break;
      case INT32:
        out.writeInt((Integer) value);
        break;
      case INT64:
        out.writeLong((Long) value);
        break;
      case FLOAT:
        out.writeInt(Float.floatToIntBits((Float) value));
        break;
      case DOUBLE:
        out.writeLong(Double.doubleToLongBits((Double) value));
        break;
      case BOOLEAN:
        out.writeBoolean((Boolean) value);
        break;
      case STRING:
        writeBytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
        break;
      case BYTES:
        writeBytes(out, (byte[]) value);
        break;
      case DECIMAL:
        out.writeInt(((BigDecimal) value).scale());
        writeBytes(out, ((BigDecimal) value).unscaledValue().toByteArray());
        break;
      case DATETIME:
        out.writeLong(((ReadableInstant) value).getMillis());
        break;
      case LOGICAL_TYPE:
        writeLogical(out, type.getLogicalType(), value);
        break;
      case ARRAY:
      case ITERABLE:
        List<Object> elements = new ArrayList<>();
        ((Iterable<?>) value).forEach(elements::add);
        out.writeInt(elements.size());
        for (Object element : elements) {
          write(out, type.getCollectionElementType(), element);
        }
        break;
      case MAP:
        writeMap(out, type, (Map<?, ?>) value);
        break;
      case ROW:
        Row row = (Row) value;
        for (int i = 0; i < row.getFieldCount(); i++) {
          write(out, row.getSchema().getField(i).getType(), row.getValue(i));
        }
        break;
      default:
        throw new IllegalArgumentException("cannot encode a value of type " + type);
    }
  }

  @SuppressWarnings("unchecked")
  private static <InputT, BaseT> void writeLogical(DataOutputStream out, LogicalType<InputT, BaseT> logicalType,
      Object value) throws IOException {
    writeNonNull(out, logicalType.getBaseType(), logicalType.toBaseType((InputT) value));
  }

  /** Entries in the order of their encoded keys, since maps have no order of their own. */
  private static void writeMap(DataOutputStream out, FieldType type, Map<?, ?> map) throws IOException {
    List<byte[][]> entries = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      entries.add(new byte[][] {
          encodeValue(type.getMapKeyType(), entry.getKey()), encodeValue(type.getMapValueType(), entry.getValue())});
    }
    entries.sort((left, right) -> Arrays.compareUnsigned(left[0], right[0]));
    out.writeInt(entries.size());
    for (byte[][] entry : entries) {
      out.write(entry[0]);
      out.write(entry[1]);
    }
  }

  private static byte[] encodeValue(FieldType type, Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(new DataOutputStream(bytes), type, value);
    return bytes.toByteArray();
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
