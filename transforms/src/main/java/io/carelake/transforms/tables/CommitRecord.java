package io.carelake.transforms.tables;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The commit record of one table version, stored as {@code _commits/<version>.json}. Files are relative
 * to the table folder, so a lake can be copied or moved as a whole.
 *
 * @param version the version this record makes visible, from 1
 * @param previousVersion the version the writer read and built upon (0 for a new table)
 * @param runId the run that wrote the version
 * @param committedAt when the record was written, ISO-8601 UTC
 * @param operation what produced the version, such as {@code merge}
 * @param snapshotFiles every file holding the rows of the version
 * @param changeFiles every file holding the change feed of the version
 * @param snapshotRows number of rows of the version's snapshot (0 for an {@value #APPEND} version)
 * @param changeRows number of rows of its change feed
 * @param keyColumns the table's key, recorded by {@value #APPEND} versions: a reader needs it to apply
 *     their change rows to the snapshot before them
 * @param sequenceColumn recorded by {@value #APPEND} versions of a table ordered by a sequence: among a
 *     key's rows the highest sequence wins, then the newest version, whatever order windows committed in
 */
public record CommitRecord(
    @JsonProperty("version") long version,
    @JsonProperty("previous_version") long previousVersion,
    @JsonProperty("run_id") String runId,
    @JsonProperty("committed_at") String committedAt,
    @JsonProperty("operation") String operation,
    @JsonProperty("snapshot_files") List<String> snapshotFiles,
    @JsonProperty("change_files") List<String> changeFiles,
    @JsonProperty("snapshot_rows") long snapshotRows,
    @JsonProperty("change_rows") long changeRows,
    @JsonProperty("key_columns") List<String> keyColumns,
    @JsonProperty("sequence_column") @Nullable String sequenceColumn) {

  /**
   * The operation of a version that only appends change rows to the log (a streaming window): it has no
   * snapshot, and the table's current rows are the last snapshot with the log after it applied.
   */
  public static final String APPEND = "append";

  public CommitRecord {
    snapshotFiles = List.copyOf(snapshotFiles);
    changeFiles = List.copyOf(changeFiles);
    keyColumns = keyColumns == null ? List.of() : List.copyOf(keyColumns);
  }

  /** Whether this version holds a full snapshot of the table, rather than only appending changes. */
  public boolean hasSnapshot() {
    return !APPEND.equals(operation);
  }
}
