package io.carelake.transforms.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.PropertyUtil;
import org.apache.iceberg.util.TableScanUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Plans the file scan tasks of one snapshot of a table, each a Parquet file or a split of a large one. */
final class PlanScanFn extends DoFn<Long, FileScanTask> {
  private final PinnedTable pinned;
  private final @Nullable String filterColumn;
  private final @Nullable PCollectionView<List<String>> filterValues;

  PlanScanFn(PinnedTable pinned, @Nullable String filterColumn, @Nullable PCollectionView<List<String>> filterValues) {
    this.pinned = pinned;
    this.filterColumn = filterColumn;
    this.filterValues = filterValues;
  }

  @ProcessElement
  public void process(@Element Long snapshot, ProcessContext context) {
    Table table = pinned.get();
    TableScan scan = table.newScan().useSnapshot(snapshot);
    if (filterValues != null) {
      List<String> values = context.sideInput(filterValues);
      if (values.isEmpty()) {
        return;
      }
      scan = scan.filter(Expressions.in(filterColumn, values.toArray()));
    }
    plan(table, scan, context::output);
  }

  /** The scan's files, split as the table's split size says, to {@code out}. */
  static void plan(Table table, TableScan scan, Consumer<FileScanTask> out) {
    long splitSize = PropertyUtil.propertyAsLong(table.properties(), TableProperties.SPLIT_SIZE,
        TableProperties.SPLIT_SIZE_DEFAULT);
    try (CloseableIterable<FileScanTask> tasks = TableScanUtil.splitFiles(scan.planFiles(), splitSize)) {
      tasks.forEach(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot plan the files of table " + table.name(), e);
    }
  }
}
