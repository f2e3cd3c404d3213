package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Reads the whole of a lake table again in every window in which {@code commits} (the snapshots of
 * commits, such as a streaming merge's into that table) has elements, as the table is once they are all
 * in: for steps that derive something from the whole table window by window (a streaming run's gold),
 * where {@link ReadTable} reads one version chosen when the pipeline is built.
 *
 * <p>The table must exist when the pipeline is built (a writer's sink creates it) and keep its columns.
 * The rows come out in the window of the commits that caused the read.
 */
public final class ReadTableAfterCommits extends PTransform<PCollection<Long>, PCollection<Row>> {
  private final LakeTable table;
  private final Schema schema;

  private ReadTableAfterCommits(LakeTable table, Schema schema) {
    this.table = table;
    this.schema = schema;
  }

  /** The rows of {@code table} as columns of {@code schema} (by name), read after each window's commits. */
  public static ReadTableAfterCommits of(LakeTable table, Schema schema) {
    return new ReadTableAfterCommits(table, schema);
  }

  @Override
  public PCollection<Row> expand(PCollection<Long> commits) {
    Optional<Table> found = table.find();
    checkArgument(found.isPresent(), "table %s is read after its commits, so it must exist when the pipeline"
        + " is built", table);
    PinnedTable shipped = PinnedTable.of(table, found.get());
    return commits
        // One read per window, once every commit of the window is in.
        .apply("CommitsPerWindow", Combine.globally(Count.<Long>combineFn()).withoutDefaults())
        .apply("PlanCurrentFiles", ParDo.of(new PlanCurrentScanFn(table)))
        .setCoder(JavaSerializedCoder.of(FileScanTask.class))
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("ReadFiles", ParDo.of(new ReadScanTaskFn(shipped, schema)))
        .setRowSchema(schema);
  }

  /** Plans the files of the table's current snapshot, loaded from the catalog when the element comes. */
  private static final class PlanCurrentScanFn extends DoFn<Long, FileScanTask> {
    private final LakeTable table;

    PlanCurrentScanFn(LakeTable table) {
      this.table = table;
    }

    @ProcessElement
    public void process(OutputReceiver<FileScanTask> out) {
      Table current = table.load();
      Snapshot snapshot = current.currentSnapshot();
      if (snapshot == null) {
        return;
      }
      PlanScanFn.plan(current, current.newScan().useSnapshot(snapshot.snapshotId()), out::output);
    }
  }
}
