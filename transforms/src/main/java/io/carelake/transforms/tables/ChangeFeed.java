package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * The change feed of a merged table. A merge's change rows are the table's rows: every column of the
 * table as it is after the change, followed by what changed. A version of the table adds exactly the
 * change rows of the keys it inserted or updated, so the rows a version added are its change feed
 * ({@link TableRows#changes}), tied to that version by Iceberg itself, and a current row tells the last
 * change of its key.
 */
public final class ChangeFeed {
  public static final String CHANGE_TYPE = "_change_type";
  public static final String BEFORE_HASH = "_before_hash";
  public static final String AFTER_HASH = "_after_hash";
  public static final String INSERT = "insert";
  public static final String UPDATE = "update";
  public static final List<String> COLUMNS = List.of(CHANGE_TYPE, BEFORE_HASH, AFTER_HASH);

  private ChangeFeed() {}

  /**
   * Every column of the table, then {@code _change_type} ({@value #INSERT} or {@value #UPDATE}),
   * {@code _before_hash} (the row hash of the key's previous row; null for an insert) and
   * {@code _after_hash} (the row hash of this row).
   */
  public static Schema schemaOf(Schema tableSchema) {
    for (String column : COLUMNS) {
      checkArgument(!tableSchema.hasField(column), "table column %s clashes with the change feed's", column);
    }
    return Schema.builder()
        .addFields(tableSchema.getFields())
        .addStringField(CHANGE_TYPE)
        .addNullableField(BEFORE_HASH, FieldType.STRING)
        .addStringField(AFTER_HASH)
        .build();
  }
}
