package io.carelake.pipelines.reference;

import io.carelake.schemas.Reference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One NPPES record's values by silver column ({@link io.carelake.schemas.Reference#PROVIDER}), as its source
 * wrote them and before they are typed and checked ({@link ProviderRows}): what the bulk file's columns and
 * an API result's fields have in common. Dates are in the source's own format ({@link #dateFormat}).
 */
final class ProviderDraft {
  /** How a source writes dates: the bulk file {@code MM/DD/YYYY}, the API {@code YYYY-MM-DD}. */
  enum DateFormat {
    US,
    ISO
  }

  private final DateFormat dateFormat;
  private final Map<String, String> values = new HashMap<>();
  private final List<String> taxonomyCodes = new ArrayList<>();

  ProviderDraft(DateFormat dateFormat) {
    this.dateFormat = dateFormat;
  }

  DateFormat dateFormat() {
    return dateFormat;
  }

  /** Sets a silver column's raw value; null and blank values are left unset. */
  ProviderDraft set(String column, @Nullable String raw) {
    String text = ProviderValues.text(raw);
    if (text != null) {
      values.put(column, text);
    }
    return this;
  }

  /** Adds one of the provider's taxonomy codes, in the source's order; blanks are skipped. */
  ProviderDraft addTaxonomyCode(@Nullable String raw) {
    String text = ProviderValues.text(raw);
    if (text != null) {
      taxonomyCodes.add(text);
    }
    return this;
  }

  /** A date column read in the source's format; null when absent or not a calendar date. */
  @Nullable
  LocalDate date(String column) {
    String raw = values.get(column);
    if (raw == null) {
      return null;
    }
    return dateFormat == DateFormat.US ? ProviderValues.usDate(raw) : ProviderValues.isoDate(raw);
  }

  /** Whether the record deactivates its NPI ({@link ProviderValues#deactivates}). */
  boolean deactivates() {
    return ProviderValues.deactivates(date(Reference.DEACTIVATION_DATE), date(Reference.REACTIVATION_DATE));
  }

  @Nullable
  String get(String column) {
    return values.get(column);
  }

  List<String> taxonomyCodes() {
    return taxonomyCodes;
  }
}
