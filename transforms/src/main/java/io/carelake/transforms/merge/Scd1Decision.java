package io.carelake.transforms.merge;

import io.carelake.transforms.tables.RowHashes;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What SCD type 1 does with one key: the table's row and the incoming rows of a batch (or a streaming
 * window) in, the key's new row, its change and every incoming row's outcome out. Shared by the batch
 * and the streaming merge so that both decide alike.
 */
final class Scd1Decision implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Highest sequence first; among equal sequences the highest row hash, then the highest hash of all
   * columns, so that the same rows elect the same winner in any arrival order.
   */
  private static final Comparator<Candidate> WINS = Comparator
      .comparingLong(Candidate::sequence)
      .thenComparing(Candidate::hash)
      .thenComparing(Candidate::fullHash);
  private static final List<String> NO_COLUMNS = List.of();

  private final String sequenceColumn;
  private final Set<String> ignoredColumns;
  private final String attributionColumn;
  private final Schema changeSchema;

  Scd1Decision(String sequenceColumn, Set<String> ignoredColumns, String attributionColumn, Schema changeSchema) {
    this.sequenceColumn = sequenceColumn;
    this.ignoredColumns = ignoredColumns;
    this.attributionColumn = attributionColumn;
    this.changeSchema = changeSchema;
  }

  /**
   * @param tableRow the key's row in the table, null when it has none
   * @param incoming the key's incoming rows, at least one
   */
  Merged merge(@Nullable Row tableRow, Iterable<Row> incoming) {
    List<Candidate> candidates = new ArrayList<>();
    for (Row row : incoming) {
      candidates.add(new Candidate(row, row.getInt64(sequenceColumn), RowHashes.hash(row, ignoredColumns)));
    }
    Candidate winner = candidates.stream().max(WINS).orElseThrow();
    List<KV<String, String>> outcomes = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (candidate != winner) {
        outcomes.add(outcome(candidate.row(), MergeOutcome.SUPERSEDED));
      }
    }
    if (tableRow == null) {
      outcomes.add(outcome(winner.row(), MergeOutcome.INSERTED));
      return new Merged(winner.row(), change(MergeScd1.INSERT, null, winner), outcomes);
    }
    String tableHash = RowHashes.hash(tableRow, ignoredColumns);
    if (winner.sequence() < tableRow.getInt64(sequenceColumn)) {
      outcomes.add(outcome(winner.row(), MergeOutcome.STALE));
      return new Merged(tableRow, null, outcomes);
    }
    if (winner.hash().equals(tableHash)) {
      outcomes.add(outcome(winner.row(), MergeOutcome.UNCHANGED));
      return new Merged(tableRow, null, outcomes);
    }
    outcomes.add(outcome(winner.row(), MergeOutcome.UPDATED));
    return new Merged(winner.row(), change(MergeScd1.UPDATE, tableHash, winner), outcomes);
  }

  /**
   * A table holds one row per key: finding another while {@code rowSoFar} is set means the table is
   * corrupt, which a merge must not hide.
   */
  static void checkOneTableRow(@Nullable Row rowSoFar) {
    if (rowSoFar != null) {
      // Rows are not shown: they hold member data.
      throw new IllegalStateException("the current table holds two rows of one key; it was not written by MergeScd1");
    }
  }

  private Row change(String changeType, @Nullable String beforeHash, Candidate after) {
    // The row's own values are already of its schema's types: attached, not checked again.
    List<Object> values = new ArrayList<>(changeSchema.getFieldCount());
    values.addAll(after.row().getValues());
    values.add(changeType);
    values.add(beforeHash);
    values.add(after.hash());
    return Row.withSchema(changeSchema).attachValues(values);
  }

  private KV<String, String> outcome(Row row, MergeOutcome outcome) {
    return KV.of(row.getString(attributionColumn), outcome.label());
  }

  /**
   * @param tableRow the key's row after the merge
   * @param change its change feed row, null when the table row did not change
   * @param outcomes per incoming row, its attribution and the label of its {@link MergeOutcome}
   */
  record Merged(Row tableRow, @Nullable Row change, List<KV<String, String>> outcomes) {}

  /** An incoming row; the hash of all its columns, which only breaks ties, is computed when one needs it. */
  private static final class Candidate {
    private final Row row;
    private final long sequence;
    private final String hash;
    private String fullHash;

    Candidate(Row row, long sequence, String hash) {
      this.row = row;
      this.sequence = sequence;
      this.hash = hash;
    }

    Row row() {
      return row;
    }

    long sequence() {
      return sequence;
    }

    String hash() {
      return hash;
    }

    String fullHash() {
      if (fullHash == null) {
        fullHash = RowHashes.hash(row, NO_COLUMNS);
      }
      return fullHash;
    }
  }
}
