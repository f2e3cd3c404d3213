package io.carelake.transforms.tables;

import java.util.Comparator;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Of the rows of one key (the snapshot's and those appended after it), keeps the current one: the highest
 * sequence when the table has one, then the newest version. A version holds at most one row per key.
 */
final class LatestVersionPerKeyFn extends DoFn<KV<byte[], Iterable<KV<Long, Row>>>, Row> {
  private final @Nullable String sequenceColumn;

  LatestVersionPerKeyFn(@Nullable String sequenceColumn) {
    this.sequenceColumn = sequenceColumn;
  }

  @ProcessElement
  public void process(@Element KV<byte[], Iterable<KV<Long, Row>>> key, OutputReceiver<Row> out) {
    KV<Long, Row> current = null;
    for (KV<Long, Row> versioned : key.getValue()) {
      if (current != null && versioned.getKey().equals(current.getKey())) {
        // Rows are not shown: they may hold member data.
        throw new IllegalStateException("version " + versioned.getKey() + " holds two rows of one key");
      }
      if (current == null || newer(sequenceColumn).compare(versioned, current) > 0) {
        current = versioned;
      }
    }
    out.output(current.getValue());
  }

  /** Orders versioned rows of one key: by sequence when there is one, then by version. */
  static Comparator<KV<Long, Row>> newer(@Nullable String sequenceColumn) {
    Comparator<KV<Long, Row>> byVersion = Comparator.comparing(KV::getKey);
    return sequenceColumn == null ? byVersion
        : Comparator.<KV<Long, Row>>comparingLong(versioned -> versioned.getValue().getInt64(sequenceColumn))
            .thenComparing(byVersion);
  }
}
