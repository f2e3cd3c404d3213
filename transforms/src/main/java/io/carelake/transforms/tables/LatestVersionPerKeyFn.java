package io.carelake.transforms.tables;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Of the rows of one key, keeps the one of the newest version: the snapshot's row unless a later
 * version appended a change of the key. A version holds at most one row per key.
 */
final class LatestVersionPerKeyFn extends DoFn<KV<byte[], Iterable<KV<Long, Row>>>, Row> {
  @ProcessElement
  public void process(@Element KV<byte[], Iterable<KV<Long, Row>>> key, OutputReceiver<Row> out) {
    KV<Long, Row> latest = null;
    for (KV<Long, Row> versioned : key.getValue()) {
      if (latest != null && versioned.getKey().equals(latest.getKey())) {
        // Rows are not shown: they may hold member data.
        throw new IllegalStateException("version " + versioned.getKey() + " holds two rows of one key");
      }
      if (latest == null || versioned.getKey() > latest.getKey()) {
        latest = versioned;
      }
    }
    out.output(latest.getValue());
  }
}
