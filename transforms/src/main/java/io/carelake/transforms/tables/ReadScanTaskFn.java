package io.carelake.transforms.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Reads the rows of one file scan task, with the task's deletes applied, as Beam rows. */
final class ReadScanTaskFn extends DoFn<FileScanTask, Row> {
  private final PinnedTable pinned;
  private final Schema schema;

  ReadScanTaskFn(PinnedTable pinned, Schema schema) {
    this.pinned = pinned;
    this.schema = schema;
  }

  @ProcessElement
  public void process(@Element FileScanTask task, OutputReceiver<Row> out) {
    Table table = pinned.get();
    TaskReader reader = TaskReader.of(table, TaskReader.projection(table.schema(), schema), task);
    IcebergRows toRow = IcebergRows.of(reader.schema().asStruct(), schema);
    try (CloseableIterable<Record> records = reader.records()) {
      for (Record record : records) {
        out.output(toRow.apply(record));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + task.file().path() + " of table " + table.name(), e);
    }
  }
}
