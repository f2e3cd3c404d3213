package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * The change feed of a table: one row per inserted or updated key and version, with every column of the
 * table as it is after the change, preceded by what changed. Merges write it; readers apply the feed
 * appended after a snapshot to get the current rows.
 */
public final class ChangeFeed {
  public static final String CHANGE_TYPE = "_change_type";
  public static final String BEFORE_HASH = "_before_hash";
  public static final String AFTER_HASH = "_after_hash";
  public static final String INSERT = "insert";
  public static final String UPDATE = "update";
  static final List<String> COLUMNS = List.of(CHANGE_TYPE, BEFORE_HASH, AFTER_HASH);

  private ChangeFeed() {}

  /**
   * {@code _change_type} ({@value #INSERT} or {@value #UPDATE}), {@code _before_hash} (null for an
   * insert), {@code _after_hash}, then every column of the table.
   */
  public static Schema schemaOf(Schema tableSchema) {
    for (String column : COLUMNS) {
      checkArgument(!tableSchema.hasField(column), "table column %s clashes with the change feed's", column);
    }
    return Schema.builder()
        .addStringField(CHANGE_TYPE)
        .addNullableField(BEFORE_HASH, FieldType.STRING)
        .addStringField(AFTER_HASH)
        .addFields(tableSchema.getFields())
        .build();
  }
}
