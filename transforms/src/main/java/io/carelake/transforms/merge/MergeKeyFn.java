package io.carelake.transforms.merge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/** Merges the current row and the incoming rows of one key. */
final class MergeKeyFn extends DoFn<KV<byte[], CoGbkResult>, Row> {
  private final String sequenceColumn;
  private final Set<String> ignoredColumns;
  private final String attributionColumn;
  private final Schema changeSchema;
  private final TupleTag<Row> current;
  private final TupleTag<Row> incoming;
  private final TupleTag<Row> snapshot;
  private final TupleTag<Row> changes;
  private final TupleTag<KV<String, String>> outcomes;

  MergeKeyFn(String sequenceColumn, Set<String> ignoredColumns, String attributionColumn, Schema changeSchema,
      TupleTag<Row> current, TupleTag<Row> incoming,
      TupleTag<Row> snapshot, TupleTag<Row> changes, TupleTag<KV<String, String>> outcomes) {
    this.sequenceColumn = sequenceColumn;
    this.ignoredColumns = ignoredColumns;
    this.attributionColumn = attributionColumn;
    this.changeSchema = changeSchema;
    this.current = current;
    this.incoming = incoming;
    this.snapshot = snapshot;
    this.changes = changes;
    this.outcomes = outcomes;
  }

  /**
   * Highest sequence first; among equal sequences the highest row hash, then the highest hash of all
   * columns, so that the same rows elect the same winner in any arrival order.
   */
  private static final Comparator<Candidate> WINS = Comparator
      .comparingLong(Candidate::sequence)
      .thenComparing(Candidate::hash)
      .thenComparing(Candidate::fullHash);

  @ProcessElement
  public void process(@Element KV<byte[], CoGbkResult> group, MultiOutputReceiver out) {
    Row currentRow = onlyCurrentRow(group.getValue().getAll(current));
    List<Candidate> candidates = new ArrayList<>();
    for (Row row : group.getValue().getAll(incoming)) {
      candidates.add(new Candidate(row, row.getInt64(sequenceColumn), RowHashes.hash(row, ignoredColumns),
          RowHashes.hash(row, Set.of())));
    }
    if (candidates.isEmpty()) {
      out.get(snapshot).output(currentRow);
      return;
    }
    Candidate winner = candidates.stream().max(WINS).orElseThrow();
    for (Candidate candidate : candidates) {
      if (candidate != winner) {
        report(out, candidate.row(), MergeOutcome.SUPERSEDED);
      }
    }
    if (currentRow == null) {
      out.get(snapshot).output(winner.row());
      out.get(changes).output(change(MergeScd1.INSERT, null, winner));
      report(out, winner.row(), MergeOutcome.INSERTED);
      return;
    }
    String currentHash = RowHashes.hash(currentRow, ignoredColumns);
    if (winner.sequence() < currentRow.getInt64(sequenceColumn)) {
      out.get(snapshot).output(currentRow);
      report(out, winner.row(), MergeOutcome.STALE);
    } else if (winner.hash().equals(currentHash)) {
      out.get(snapshot).output(currentRow);
      report(out, winner.row(), MergeOutcome.UNCHANGED);
    } else {
      out.get(snapshot).output(winner.row());
      out.get(changes).output(change(MergeScd1.UPDATE, currentHash, winner));
      report(out, winner.row(), MergeOutcome.UPDATED);
    }
  }

  /** A table holds one row per key; two mean the table is corrupt, which a merge must not hide. */
  private static Row onlyCurrentRow(Iterable<Row> rows) {
    Row only = null;
    for (Row row : rows) {
      if (only != null) {
        // Rows are not shown: they hold member data.
        throw new IllegalStateException("the current table holds two rows of one key; it was not written by MergeScd1");
      }
      only = row;
    }
    return only;
  }

  private Row change(String changeType, String beforeHash, Candidate after) {
    return Row.withSchema(changeSchema)
        .addValues(changeType, beforeHash, after.hash())
        .addValues(after.row().getValues())
        .build();
  }

  private void report(MultiOutputReceiver out, Row row, MergeOutcome outcome) {
    Metrics.counter(MergeScd1.class, outcome.label()).inc();
    out.get(outcomes).output(KV.of(row.getString(attributionColumn), outcome.label()));
  }

  private record Candidate(Row row, long sequence, String hash, String fullHash) {}
}
