package io.carelake.pipelines.reference;

import io.carelake.schemas.Reference;
import io.carelake.transforms.merge.MergeScd2;
import io.carelake.transforms.tables.ChangeFeed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The gold dimensions, row by row from silver's change rows: a changed provider's history rows become its
 * {@code dim_provider} rows, a changed code its {@code dim_diagnosis} or {@code dim_procedure} row, each
 * carrying the change columns, so that gold is upserted on the same key as silver and stays its image.
 * Surrogate keys are hashes (of the version id, or of the code), the same in every run and on every engine.
 */
final class ReferenceDimensions {
  // Built once: a schema built per row costs its construction, and every writer that caches by schema misses.
  private static final Schema DIM_PROVIDER_CHANGES = changesOf(Reference.DIM_PROVIDER);
  private static final Schema DIM_DIAGNOSIS_CHANGES = changesOf(Reference.DIM_DIAGNOSIS);
  private static final Schema DIM_PROCEDURE_CHANGES = changesOf(Reference.DIM_PROCEDURE);

  private ReferenceDimensions() {}

  /** The change schema of a gold dimension: its columns and the change feed's. */
  static Schema changesOf(Schema dimension) {
    return ChangeFeed.schemaOf(dimension);
  }

  /** dim_provider rows from provider_history change rows; a version 0 row (no version, only ended records) has none. */
  static final class ProviderRow implements SerializableFunction<Row, Iterable<Row>> {
    private final String runId;
    private final org.joda.time.Instant loadedAt;

    ProviderRow(String runId, org.joda.time.Instant loadedAt) {
      this.runId = runId;
      this.loadedAt = loadedAt;
    }

    @Override
    public Iterable<Row> apply(Row history) {
      if (history.getInt32(MergeScd2.VERSION) == 0) {
        return List.of();
      }
      String type = history.getString(Reference.ENUMERATION_TYPE);
      Long validTo = history.getInt64(MergeScd2.VALID_TO);
      List<Object> values = new ArrayList<>(Reference.DIM_PROVIDER.getFieldCount() + ChangeFeed.COLUMNS.size());
      values.add(surrogateKey(history.getString(MergeScd2.VERSION_ID)));
      values.add(history.getString(Reference.NPI));
      values.add(Reference.NPI_INDIVIDUAL.equals(type) ? "Individual"
          : Reference.NPI_ORGANIZATION.equals(type) ? "Organization" : null);
      values.add(providerName(history));
      values.add(history.getString(Reference.FIRST_NAME));
      values.add(history.getString(Reference.MIDDLE_NAME));
      values.add(history.getString(Reference.LAST_NAME));
      values.add(history.getString(Reference.CREDENTIAL));
      values.add(history.getString(Reference.SEX));
      values.add(history.getString(Reference.ORGANIZATION_NAME));
      values.add(history.getString(Reference.PRIMARY_TAXONOMY_CODE));
      values.add(history.getString(Reference.PRIMARY_LICENSE_NUMBER));
      values.add(history.getString(Reference.PRIMARY_LICENSE_STATE));
      values.add(history.getArray(Reference.TAXONOMY_CODES));
      values.add(history.getString(Reference.PRACTICE_ADDRESS_1));
      values.add(history.getString(Reference.PRACTICE_ADDRESS_2));
      values.add(history.getString(Reference.PRACTICE_CITY));
      values.add(history.getString(Reference.PRACTICE_STATE));
      values.add(history.getString(Reference.PRACTICE_POSTAL_CODE));
      values.add(history.getString(Reference.PRACTICE_PHONE));
      values.add(history.getLogicalTypeValue(Reference.ENUMERATION_DATE, LocalDate.class));
      values.add(history.getLogicalTypeValue(Reference.LAST_UPDATED, LocalDate.class));
      values.add(day(history.getInt64(MergeScd2.VALID_FROM)));
      values.add(validTo == null ? null : day(validTo));
      boolean current = history.getBoolean(MergeScd2.IS_CURRENT);
      LocalDate deactivated = validTo == null ? null : deactivationEnding(history, validTo);
      values.add(current);
      values.add(current ? "current" : deactivated != null ? "deactivated" : "superseded");
      values.add(deactivated);
      values.add(history.getInt32(MergeScd2.VERSION));
      values.add(history.getString(MergeScd2.VERSION_ID));
      values.add(Reference.SOURCE_BULK.equals(history.getString(Reference.SOURCE)) ? "NPPES bulk file"
          : "NPI Registry API");
      values.add(history.getString(Reference.SOURCE_FILE));
      values.add(runId);
      values.add(loadedAt);
      for (String column : ChangeFeed.COLUMNS) {
        values.add(history.getValue(column));
      }
      return List.of(Row.withSchema(DIM_PROVIDER_CHANGES).attachValues(values));
    }

    /** The deactivation date of the record that ended this version, if a deactivation ended it. */
    private static @Nullable LocalDate deactivationEnding(Row history, long validTo) {
      for (Row absorbed : history.<Row>getArray(MergeScd2.ABSORBED)) {
        if (absorbed.getInt64(Reference.UPDATE_SEQUENCE) == validTo) {
          LocalDate deactivation = absorbed.getLogicalTypeValue(Reference.DEACTIVATION_DATE, LocalDate.class);
          return ProviderValues.deactivates(deactivation,
              absorbed.getLogicalTypeValue(Reference.REACTIVATION_DATE, LocalDate.class)) ? deactivation : null;
        }
      }
      return null;
    }

    /** An organisation's legal name, or a person's "LAST, FIRST MIDDLE" as NPPES lists them. */
    private static @Nullable String providerName(Row history) {
      String organization = history.getString(Reference.ORGANIZATION_NAME);
      String last = history.getString(Reference.LAST_NAME);
      if (last == null) {
        return organization;
      }
      StringBuilder name = new StringBuilder(last);
      String first = history.getString(Reference.FIRST_NAME);
      if (first != null) {
        name.append(", ").append(first);
        String middle = history.getString(Reference.MIDDLE_NAME);
        if (middle != null) {
          name.append(' ').append(middle);
        }
      }
      return name.toString();
    }
  }

  /** The dim_diagnosis row of an icd10cm_codes change row. */
  static final class DiagnosisRow implements SerializableFunction<Row, Iterable<Row>> {
    private final String runId;
    private final org.joda.time.Instant loadedAt;

    DiagnosisRow(String runId, org.joda.time.Instant loadedAt) {
      this.runId = runId;
      this.loadedAt = loadedAt;
    }

    @Override
    public Iterable<Row> apply(Row code) {
      String dotted = code.getString(Reference.CODE);
      String undotted = dotted.replace(".", "");
      List<Object> values = new ArrayList<>();
      values.add(surrogateKey(sha256Hex("icd10cm:" + dotted)));
      values.add(dotted);
      values.add(undotted);
      values.add(undotted.substring(0, Math.min(3, undotted.length())));
      values.add(code.getString(Reference.DESCRIPTION));
      values.add(code.getString(Reference.SOURCE_FILE));
      values.add(runId);
      values.add(loadedAt);
      for (String column : ChangeFeed.COLUMNS) {
        values.add(code.getValue(column));
      }
      return List.of(Row.withSchema(DIM_DIAGNOSIS_CHANGES).attachValues(values));
    }
  }

  /** The dim_procedure row of an hcpcs_codes change row. */
  static final class ProcedureRow implements SerializableFunction<Row, Iterable<Row>> {
    private final String runId;
    private final org.joda.time.Instant loadedAt;

    ProcedureRow(String runId, org.joda.time.Instant loadedAt) {
      this.runId = runId;
      this.loadedAt = loadedAt;
    }

    @Override
    public Iterable<Row> apply(Row code) {
      String hcpcs = code.getString(Reference.CODE);
      List<Object> values = new ArrayList<>();
      values.add(surrogateKey(sha256Hex("hcpcs:" + hcpcs)));
      values.add(hcpcs);
      values.add("Level II");
      values.add(code.getString(Reference.DESCRIPTION));
      values.add(code.getString(Reference.SHORT_DESCRIPTION));
      values.add(code.getLogicalTypeValue(Reference.EFFECTIVE_DATE, LocalDate.class));
      values.add(code.getLogicalTypeValue(Reference.TERMINATION_DATE, LocalDate.class));
      values.add(code.getBoolean(Reference.OBSOLETE));
      values.add(code.getString(Reference.SOURCE_FILE));
      values.add(runId);
      values.add(loadedAt);
      for (String column : ChangeFeed.COLUMNS) {
        values.add(code.getValue(column));
      }
      return List.of(Row.withSchema(DIM_PROCEDURE_CHANGES).attachValues(values));
    }
  }

  /** A positive 60-bit key from a hex hash: its first 15 hex digits. */
  static long surrogateKey(String hexHash) {
    return Long.parseLong(hexHash.substring(0, 15).toLowerCase(Locale.ROOT), 16);
  }

  private static String sha256Hex(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(digest.length * 2);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static LocalDate day(long epochMillis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }
}
