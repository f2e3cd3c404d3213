package io.carelake.transforms.tables;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Writes each shard of rows, as grouped by key, into its own data files, and emits their metadata: for a
 * write whose file count must not follow the input's bundles (see {@link WriteTable#inShards}).
 */
final class WriteShardsFn extends DoFn<KV<Integer, Iterable<Row>>, TableFiles> {
  private final TableSink sink;

  WriteShardsFn(TableSink sink) {
    this.sink = sink;
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<Row>> shard, BoundedWindow window, OutputReceiver<TableFiles> out) {
    TableSink.BundleWriter writer = sink.openBundle();
    try {
      for (Row row : shard.getValue()) {
        writer.write(row, window);
      }
      for (KV<BoundedWindow, TableFiles> files : writer.finish()) {
        out.output(files.getValue());
      }
      writer = null;
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
  }
}
