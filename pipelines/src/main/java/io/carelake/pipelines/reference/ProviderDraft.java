package io.carelake.pipelines.reference;

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

  @Nullable
  String get(String column) {
    return values.get(column);
  }

  List<String> taxonomyCodes() {
    return taxonomyCodes;
  }
}
