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

/** Runs the set-up steps of a test (earlier commits and runs) as pipelines of their own. */
final class LakePipelines {
  private LakePipelines() {}

  static void run(Consumer<Pipeline> build) {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    build.accept(pipeline);
    pipeline.run().waitUntilFinish();
  }

  static long commit(TablePath table, String runId, List<Row> snapshot, Schema schema, List<Row> changes) {
    long[] version = new long[1];
    run(pipeline -> version[0] = TableVersion.of(
            rows(pipeline, "Snapshot", snapshot, schema), rows(pipeline, "Changes", changes, TableFixtures.CHANGE))
        .apply("Commit", CommitTableVersion.to(table, runId))
        .version());
    return version[0];
  }

  static PCollection<Row> rows(Pipeline pipeline, String name, List<Row> rows, Schema schema) {
    return rows.isEmpty()
        ? pipeline.apply(name, Create.empty(RowCoder.of(schema)))
        : pipeline.apply(name, Create.of(rows).withRowSchema(schema));
  }
}
