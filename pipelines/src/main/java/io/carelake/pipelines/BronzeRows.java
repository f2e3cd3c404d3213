package io.carelake.pipelines;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import io.carelake.schemas.LandingFile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/**
 * Bronze records of one run built as rows of the bronze schema directly, values in schema order, the
 * columns found once: a record's row is written at once, and a row of getters over a record object would
 * be read field by field.
 */
public final class BronzeRows {
  private static final List<String> COLUMNS = List.of("run_id", "client_id", "source_file", "line_number",
      "ingested_at", "record_sha256", "fields");

  private final Schema schema;
  private final int[] positions;
  private final String runId;
  private final Instant ingestedAt;

  public BronzeRows(Schema schema, String runId, Instant ingestedAt) {
    this.schema = schema;
    this.runId = runId;
    this.ingestedAt = ingestedAt;
    positions = new int[COLUMNS.size()];
    for (int i = 0; i < COLUMNS.size(); i++) {
      checkArgument(schema.hasField(COLUMNS.get(i)), "bronze records have no column %s", COLUMNS.get(i));
      positions[i] = schema.indexOf(COLUMNS.get(i));
    }
  }

  /** The bronze row of the record at {@code lineNumber} of {@code file}. */
  public Row of(LandingFile file, long lineNumber, String recordSha256, Map<String, String> fields) {
    Object[] values = new Object[schema.getFieldCount()];
    values[positions[0]] = runId;
    values[positions[1]] = file.getClientId();
    values[positions[2]] = file.getName();
    values[positions[3]] = lineNumber;
    values[positions[4]] = ingestedAt;
    values[positions[5]] = recordSha256;
    values[positions[6]] = fields;
    return Row.withSchema(schema).attachValues(Arrays.asList(values));
  }
}
