package io.carelake.transforms.merge;

import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.values.Row;

/** NPPES-like provider records and the SCD type 2 merge of their history, for the SCD2 tests. */
final class ProviderFixtures {
  static final String NPI = "npi";
  static final String LAST_UPDATED = "last_updated";
  static final String NAME = "provider_name";
  static final String TAXONOMY = "taxonomy_code";
  static final String PHONE = "phone";
  static final String DEACTIVATION_DATE = "deactivation_date";
  static final String SOURCE_FILE = "source_file";

  static final Schema PROVIDER = Schema.builder()
      .addStringField(NPI)
      .addInt64Field(LAST_UPDATED)
      .addStringField(NAME)
      .addStringField(TAXONOMY)
      .addNullableField(PHONE, FieldType.STRING)
      .addNullableField(DEACTIVATION_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addStringField(SOURCE_FILE)
      .build();

  /** Name and taxonomy make versions; a phone change alone does not; the source file is lineage. */
  static final MergeScd2 MERGE = MergeScd2.on(List.of(NPI))
      .orderedBy(LAST_UPDATED)
      .tracking(List.of(NAME, TAXONOMY))
      .ignoringForChange(List.of(SOURCE_FILE))
      .attributedTo(SOURCE_FILE)
      .endedWhenSet(DEACTIVATION_DATE);
  static final Schema HISTORY = MergeScd2.historySchema(PROVIDER);
  static final Schema CHANGES = MergeScd2.changeSchema(PROVIDER);

  private ProviderFixtures() {}

  static Row provider(String npi, long lastUpdated, String name, String taxonomy, String phone, String sourceFile) {
    return Row.withSchema(PROVIDER).addValues(npi, lastUpdated, name, taxonomy, phone, null, sourceFile).build();
  }

  static Row deactivated(String npi, long lastUpdated, String sourceFile) {
    return Row.withSchema(PROVIDER)
        .addValues(npi, lastUpdated, "", "", null, LocalDate.of(2024, 1, 1).plusDays(lastUpdated % 300), sourceFile)
        .build();
  }

  static Scd2History history() {
    return MERGE.history(PROVIDER);
  }
}
