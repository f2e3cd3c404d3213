package io.carelake.pipelines.reference;

import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Reference;
import io.carelake.schemas.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Types and checks code drafts into silver rows of one run: ICD-10-CM codes into {@link Reference#DIAGNOSIS},
 * HCPCS codes into {@link Reference#PROCEDURE}. A code that breaks a rule, or whose dates or obsolete flag
 * cannot be read, gets no row but its violations.
 */
final class CodeRows {
  private static final long PER_DAY = 1_000_000_000_000L;
  private static final long PER_PART = 1_000_000_000L;

  /** A typed record, or the rules it broke. */
  record Typed(@Nullable Row row, List<Violation> violations) {}

  private final CodeRules rules;
  private final String runId;
  private final Instant ingestedAt;

  CodeRows(CodeRules rules, String runId, Instant ingestedAt) {
    this.rules = rules;
    this.runId = runId;
    this.ingestedAt = ingestedAt;
  }

  /**
   * The sequence that orders a code's records across deliveries (see {@link Reference#RECORD_SEQUENCE}).
   *
   * @param lineNumber below 10^9, as the caller guarantees
   */
  static long recordSequence(LandingFile file, long lineNumber) {
    return LocalDate.parse(file.getDeliveryDate()).toEpochDay() * PER_DAY + file.getPart() * PER_PART + lineNumber;
  }

  Typed type(ApiSource system, CodeDraft draft, LandingFile file, long lineNumber) {
    List<Violation> violations = new ArrayList<>(rules.check(system, draft));
    // A rule file may leave these out, but silver rows cannot be without them.
    if (violations.isEmpty()) {
      for (String column : List.of(Reference.CODE, Reference.DESCRIPTION)) {
        if (draft.get(column) == null) {
          violations.add(Violation.of(column + ".required", column, column + " is required"));
        }
      }
    }
    long sequence = recordSequence(file, lineNumber);
    if (system == ApiSource.ICD10CM) {
      if (!violations.isEmpty()) {
        return new Typed(null, violations);
      }
      return new Typed(Row.withSchema(Reference.DIAGNOSIS)
          .addValues(draft.get(Reference.CODE), draft.get(Reference.DESCRIPTION), file.getName(), lineNumber, sequence,
              runId, ingestedAt)
          .build(), List.of());
    }
    LocalDate added = date(draft, Reference.ADDED_DATE, violations);
    LocalDate effective = date(draft, Reference.EFFECTIVE_DATE, violations);
    LocalDate terminated = date(draft, Reference.TERMINATION_DATE, violations);
    Boolean obsolete = obsolete(draft.get(Reference.OBSOLETE), violations);
    if (!violations.isEmpty()) {
      return new Typed(null, violations);
    }
    return new Typed(Row.withSchema(Reference.PROCEDURE)
        .addValues(draft.get(Reference.CODE), draft.get(Reference.DESCRIPTION), draft.get(Reference.SHORT_DESCRIPTION),
            added, effective, terminated, obsolete, file.getName(), lineNumber, sequence, runId, ingestedAt)
        .build(), List.of());
  }

  /** HCPCS dates are {@code YYYYMMDD}; {@code YYYY-MM-DD} is read too, should the service switch. */
  private static @Nullable LocalDate date(CodeDraft draft, String column, List<Violation> violations) {
    String raw = draft.get(column);
    if (raw == null) {
      return null;
    }
    LocalDate date = raw.length() == 8 && raw.chars().allMatch(Character::isDigit)
        ? ProviderValues.isoDate(raw.substring(0, 4) + "-" + raw.substring(4, 6) + "-" + raw.substring(6))
        : ProviderValues.isoDate(raw);
    if (date == null) {
      violations.add(Violation.of(column + ".date_format", column,
          column + " is not a calendar date in the YYYYMMDD format"));
    }
    return date;
  }

  private static @Nullable Boolean obsolete(@Nullable String raw, List<Violation> violations) {
    if (raw == null) {
      return null;
    }
    switch (raw.toLowerCase(Locale.ROOT)) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        violations.add(Violation.of(Reference.OBSOLETE + ".format", Reference.OBSOLETE,
            Reference.OBSOLETE + " is not true or false"));
        return null;
    }
  }
}
