package io.carelake.transforms.merge;

import io.carelake.transforms.tables.RowHashes;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Keys rows by the canonical encoding of their key columns. Grouping on these bytes is exact and
 * identical on every runner, unlike grouping on a coder's encoding of a key row.
 */
final class KeyRowsFn extends DoFn<Row, KV<byte[], Row>> {
  private final List<String> keyColumns;

  KeyRowsFn(List<String> keyColumns) {
    this.keyColumns = keyColumns;
  }

  @ProcessElement
  public void process(@Element Row row, OutputReceiver<KV<byte[], Row>> out) {
    out.output(KV.of(RowHashes.encode(row, keyColumns), row));
  }
}
