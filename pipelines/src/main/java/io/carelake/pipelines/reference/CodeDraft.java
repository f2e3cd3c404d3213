package io.carelake.pipelines.reference;

import com.fasterxml.jackson.databind.JsonNode;
import io.carelake.schemas.Reference;
import java.util.HashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One ICD-10-CM or HCPCS code's values by silver column ({@link Reference#DIAGNOSIS},
 * {@link Reference#PROCEDURE}), as the Clinical Tables service wrote them, before they are typed and checked
 * ({@link CodeRows}). ICD-10-CM is asked for with {@code df=code,name}, HCPCS with
 * {@code ef=short_desc,long_desc,add_dt,act_eff_dt,term_dt,obsolete}.
 */
final class CodeDraft {
  private final Map<String, String> values = new HashMap<>();

  private CodeDraft() {}

  /** The draft of one code's object ({@link ClinicalTablesPages#codes}). */
  static CodeDraft of(JsonNode record) {
    CodeDraft draft = new CodeDraft();
    JsonNode display = record.path(ClinicalTablesPages.DISPLAY);
    // A display row is [code, name]: the name is the description when there is no long one.
    String displayName = display.isArray() && display.size() >= 2 ? NppesApiResults.text(display.get(1)) : null;
    String longDescription = NppesApiResults.text(record.path("long_desc"));
    draft.put(Reference.CODE, NppesApiResults.text(record.path(ClinicalTablesPages.CODE)));
    draft.put(Reference.DESCRIPTION, longDescription != null ? longDescription : displayName);
    draft.put(Reference.SHORT_DESCRIPTION, NppesApiResults.text(record.path("short_desc")));
    draft.put(Reference.ADDED_DATE, NppesApiResults.text(record.path("add_dt")));
    draft.put(Reference.EFFECTIVE_DATE, NppesApiResults.text(record.path("act_eff_dt")));
    draft.put(Reference.TERMINATION_DATE, NppesApiResults.text(record.path("term_dt")));
    draft.put(Reference.OBSOLETE, NppesApiResults.text(record.path("obsolete")));
    return draft;
  }

  private void put(String column, @Nullable String value) {
    if (value != null) {
      values.put(column, value);
    }
  }

  @Nullable
  String get(String column) {
    return values.get(column);
  }
}
