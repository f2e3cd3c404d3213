package io.carelake.transforms.tables;

import java.io.IOException;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Reads the rows of a table file tagged with the version that wrote it, so that the newest version of a
 * key can win. Columns are taken by name: a change file's extra change-feed columns are left out.
 */
final class ReadVersionedRowsFn extends DoFn<TableLog.VersionedFile, KV<Long, Row>> {
  private final Schema schema;

  ReadVersionedRowsFn(Schema schema) {
    this.schema = schema;
  }

  @ProcessElement
  public void process(@Element TableLog.VersionedFile file, OutputReceiver<KV<Long, Row>> out) throws IOException {
    RowParquet.readRecords(FileSystems.matchSingleFileSpec(file.path()),
        record -> out.output(KV.of(file.version(), AvroRows.toRow(record, schema))));
  }
}
