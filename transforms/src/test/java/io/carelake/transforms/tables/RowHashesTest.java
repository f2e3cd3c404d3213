package io.carelake.transforms.tables;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.values.Row;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class RowHashesTest {
  private static final Schema TWO_STRINGS = Schema.builder()
      .addNullableField("first", FieldType.STRING)
      .addNullableField("second", FieldType.STRING)
      .build();

  private static final Schema PLAN = Schema.builder()
      .addNullableField("plan_id", FieldType.STRING)
      .addInt64Field("units")
      .addField("starts_on", FieldType.logicalType(SqlTypes.DATE))
      .addStringField("source_file")
      .build();

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String hash(Row row) {
    return RowHashes.hash(row, List.of());
  }

  @Test
  public void hashIsSha256OfNullMarkedLengthPrefixedValues() throws Exception {
    Row row = Row.withSchema(PLAN).addValues("x", 7L, LocalDate.of(1970, 1, 3), "a.csv").build();
    byte[] expected = ByteBuffer.allocate(1 + 4 + 1 + 1 + 8 + 1 + 8)
        .put((byte) 1).putInt(1).put("x".getBytes(StandardCharsets.UTF_8))
        .put((byte) 1).putLong(7L)
        .put((byte) 1).putLong(2L)
        .array();

    assertThat(RowHashes.hash(row, List.of("source_file")), is(sha256(expected)));
  }

  @Test
  public void keyEncodingFollowsTheGivenColumnOrder() {
    Row row = Row.withSchema(PLAN).addValues(null, 7L, LocalDate.of(1970, 1, 1), "a.csv").build();
    byte[] expected = ByteBuffer.allocate(1 + 8 + 1)
        .put((byte) 1).putLong(7L)
        .put((byte) 0)
        .array();

    assertThat(RowHashes.encode(row, List.of("units", "plan_id")), is(expected));
  }

  @Test
  public void nullEmptyAndTheWordNullHashDifferently() {
    String ofNull = hash(Row.withSchema(TWO_STRINGS).addValues(null, "a").build());
    String ofEmpty = hash(Row.withSchema(TWO_STRINGS).addValues("", "a").build());
    String ofWord = hash(Row.withSchema(TWO_STRINGS).addValues("null", "a").build());

    assertThat(ofNull, is(not(ofEmpty)));
    assertThat(ofNull, is(not(ofWord)));
    assertThat(ofEmpty, is(not(ofWord)));
  }

  @Test
  public void valuesCannotShiftAcrossColumns() {
    assertThat(hash(Row.withSchema(TWO_STRINGS).addValues("ab", "c").build()),
        is(not(hash(Row.withSchema(TWO_STRINGS).addValues("a", "bc").build()))));
    assertThat(hash(Row.withSchema(TWO_STRINGS).addValues("", null).build()),
        is(not(hash(Row.withSchema(TWO_STRINGS).addValues(null, "").build()))));
  }

  @Test
  public void ignoredColumnsDoNotChangeTheHash() {
    Row first = Row.withSchema(PLAN).addValues("GOLD", 1L, LocalDate.of(2024, 1, 1), "a.csv").build();
    Row again = Row.withSchema(PLAN).addValues("GOLD", 1L, LocalDate.of(2024, 1, 1), "b.csv").build();

    assertThat(RowHashes.hash(first, List.of("source_file")), is(RowHashes.hash(again, List.of("source_file"))));
    assertThat(hash(first), is(not(hash(again))));
  }

  @Test
  public void mapsHashAlikeWhateverTheirIterationOrder() {
    Schema schema = Schema.builder().addMapField("codes", FieldType.STRING, FieldType.INT64).build();
    Map<String, Long> forward = new LinkedHashMap<>();
    forward.put("a", 1L);
    forward.put("b", 2L);
    Map<String, Long> backward = new LinkedHashMap<>();
    backward.put("b", 2L);
    backward.put("a", 1L);

    assertThat(hash(Row.withSchema(schema).addValue(forward).build()),
        is(hash(Row.withSchema(schema).addValue(backward).build())));
    assertThat(hash(Row.withSchema(schema).addValue(forward).build()),
        is(not(hash(Row.withSchema(schema).addValue(Map.of("a", 2L, "b", 1L)).build()))));
  }

  @Test
  public void nestedRowsAndListsAreHashedByValue() {
    Schema code = Schema.builder().addStringField("system").addNullableField("code", FieldType.STRING).build();
    Schema schema = Schema.builder().addArrayField("codes", FieldType.row(code)).build();
    Row twoCodes = Row.withSchema(schema).addValue(List.of(
        Row.withSchema(code).addValues("ICD-10", "I10").build(),
        Row.withSchema(code).addValues("ICD-10", null).build())).build();
    Row sameCodes = Row.withSchema(schema).addValue(List.of(
        Row.withSchema(code).addValues("ICD-10", "I10").build(),
        Row.withSchema(code).addValues("ICD-10", null).build())).build();
    Row swapped = Row.withSchema(schema).addValue(List.of(
        Row.withSchema(code).addValues("ICD-10", null).build(),
        Row.withSchema(code).addValues("ICD-10", "I10").build())).build();

    assertThat(hash(twoCodes), is(hash(sameCodes)));
    assertThat(hash(twoCodes), is(not(hash(swapped))));
  }
}
