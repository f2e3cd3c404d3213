package io.carelake.transforms.tables;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Writes the rows each bundle holds into data files of a table, and emits only the files' metadata when
 * the bundle finishes, each in the window its rows were in: rows are never shuffled to be written.
 */
final class WriteRowsFn extends DoFn<Row, TableFiles> {
  private final TableSink sink;
  private transient TableSink.BundleWriter writer;

  WriteRowsFn(TableSink sink) {
    this.sink = sink;
  }

  @StartBundle
  public void startBundle() {
    writer = sink.openBundle();
  }

  @ProcessElement
  public void process(@Element Row row, BoundedWindow window) {
    writer.write(row, window);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    for (KV<BoundedWindow, TableFiles> files : writer.finish()) {
      context.output(files.getValue(), files.getKey().maxTimestamp(), files.getKey());
    }
    writer = null;
  }

  @Teardown
  public void teardown() {
    if (writer != null) {
      writer.close();
    }
  }
}
