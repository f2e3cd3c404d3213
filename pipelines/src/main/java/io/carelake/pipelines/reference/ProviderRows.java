package io.carelake.pipelines.reference;

import io.carelake.schemas.Reference;
import io.carelake.schemas.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Types and checks provider drafts into silver provider rows ({@link Reference#PROVIDER}), one run's: a
 * record that breaks a rule, or whose dates do not exist on the calendar, gets no row but its violations.
 * Phones become digits and postal codes lose their hyphen here, for every source.
 */
final class ProviderRows {
  private static final Schema SCHEMA = Reference.PROVIDER;
  private static final List<String> DATE_COLUMNS = List.of(Reference.ENUMERATION_DATE, Reference.LAST_UPDATED,
      Reference.DEACTIVATION_DATE, Reference.REACTIVATION_DATE);
  private static final List<String> PHONE_COLUMNS = List.of(Reference.PRACTICE_PHONE);
  private static final List<String> POSTAL_COLUMNS = List.of(Reference.PRACTICE_POSTAL_CODE,
      Reference.MAILING_POSTAL_CODE);
  private static final List<String> FLAG_COLUMNS = List.of(Reference.SOLE_PROPRIETOR, Reference.ORGANIZATIONAL_SUBPART);
  private static final List<String> LINEAGE_AND_DERIVED = List.of(Reference.TAXONOMY_CODES, Reference.UPDATE_SEQUENCE,
      Reference.SOURCE, Reference.SOURCE_FILE, Reference.LINE_NUMBER, Reference.RUN_ID, Reference.INGESTED_AT);

  /** A typed record, or the rules it broke. */
  record Typed(@Nullable Row row, List<Violation> violations) {}

  private final ProviderRules rules;
  private final String runId;
  private final Instant ingestedAt;
  // The plain text columns, in schema order: every column that is not a date, flag, phone or derived one.
  private final String[] textColumns;
  private final int[] textPositions;

  ProviderRows(ProviderRules rules, String runId, Instant ingestedAt) {
    this.rules = rules;
    this.runId = runId;
    this.ingestedAt = ingestedAt;
    List<String> text = new ArrayList<>();
    for (Schema.Field field : SCHEMA.getFields()) {
      String name = field.getName();
      if (!DATE_COLUMNS.contains(name) && !PHONE_COLUMNS.contains(name) && !FLAG_COLUMNS.contains(name)
          && !POSTAL_COLUMNS.contains(name) && !LINEAGE_AND_DERIVED.contains(name)) {
        text.add(name);
      }
    }
    textColumns = text.toArray(new String[0]);
    textPositions = text.stream().mapToInt(SCHEMA::indexOf).toArray();
  }

  Typed type(ProviderDraft draft, String source, String sourceFile, long lineNumber) {
    List<Violation> violations = new ArrayList<>(rules.check(draft));
    if (draft.get(Reference.NPI) == null && violations.stream().noneMatch(v -> Reference.NPI.equals(v.getField()))) {
      // The key: whatever a rule file says, a record without one cannot be merged.
      violations.add(Violation.of(Reference.NPI + ".required", Reference.NPI, Reference.NPI + " is required"));
    }
    LocalDate[] dates = new LocalDate[DATE_COLUMNS.size()];
    for (int i = 0; i < dates.length; i++) {
      String column = DATE_COLUMNS.get(i);
      String raw = draft.get(column);
      if (raw != null) {
        dates[i] = draft.date(column);
        if (dates[i] == null) {
          violations.add(Violation.of(column + ".date_format", column, column + " is not a calendar date in the "
              + (draft.dateFormat() == ProviderDraft.DateFormat.US ? "MM/DD/YYYY" : "YYYY-MM-DD") + " format"));
        }
      }
    }
    LocalDate sequence = ProviderValues.latest(dates[DATE_COLUMNS.indexOf(Reference.LAST_UPDATED)],
        dates[DATE_COLUMNS.indexOf(Reference.DEACTIVATION_DATE)],
        dates[DATE_COLUMNS.indexOf(Reference.REACTIVATION_DATE)]);
    if (sequence == null && violations.isEmpty()) {
      violations.add(Violation.of(Reference.UPDATE_SEQUENCE + ".required", Reference.LAST_UPDATED,
          "a record needs a last update, deactivation or reactivation date"));
    }
    if (!violations.isEmpty()) {
      return new Typed(null, violations);
    }
    Object[] values = new Object[SCHEMA.getFieldCount()];
    for (int i = 0; i < textColumns.length; i++) {
      values[textPositions[i]] = draft.get(textColumns[i]);
    }
    for (int i = 0; i < dates.length; i++) {
      values[SCHEMA.indexOf(DATE_COLUMNS.get(i))] = dates[i];
    }
    for (String column : PHONE_COLUMNS) {
      values[SCHEMA.indexOf(column)] = ProviderValues.phone(draft.get(column));
    }
    for (String column : POSTAL_COLUMNS) {
      values[SCHEMA.indexOf(column)] = ProviderValues.postalCode(draft.get(column));
    }
    for (String column : FLAG_COLUMNS) {
      values[SCHEMA.indexOf(column)] = ProviderValues.flag(draft.get(column));
    }
    values[SCHEMA.indexOf(Reference.TAXONOMY_CODES)] = List.copyOf(draft.taxonomyCodes());
    values[SCHEMA.indexOf(Reference.UPDATE_SEQUENCE)] = ProviderValues.epochMillis(sequence);
    values[SCHEMA.indexOf(Reference.SOURCE)] = source;
    values[SCHEMA.indexOf(Reference.SOURCE_FILE)] = sourceFile;
    values[SCHEMA.indexOf(Reference.LINE_NUMBER)] = lineNumber;
    values[SCHEMA.indexOf(Reference.RUN_ID)] = runId;
    values[SCHEMA.indexOf(Reference.INGESTED_AT)] = ingestedAt;
    return new Typed(Row.withSchema(SCHEMA).attachValues(Arrays.asList(values)), List.of());
  }
}
