package io.carelake.transforms.tables;

import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/** Runs the set-up steps of a test (earlier runs of a writer) as pipelines of their own. */
final class TablePipelines {
  private TablePipelines() {}

  static void run(Consumer<Pipeline> build) {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    build.accept(pipeline);
    pipeline.run().waitUntilFinish();
  }

  static void append(LakeTable table, String runId, Partitioning partitioning, List<Row> rows, Schema schema) {
    run(pipeline -> rows(pipeline, "Rows", rows, schema)
        .apply("Append", WriteTable.appendTo(table, runId).partitionedBy(partitioning)));
  }

  static PCollection<Row> rows(Pipeline pipeline, String name, List<Row> rows, Schema schema) {
    return rows.isEmpty()
        ? pipeline.apply(name, Create.empty(RowCoder.of(schema)))
        : pipeline.apply(name, Create.of(rows).withRowSchema(schema));
  }
}
