package io.carelake.transforms.tables;

import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Commits everything a batch run wrote to one table as one snapshot, named by the run. It runs once per
 * run, files or not: a merge that changed nothing still checks that what it read is current.
 */
final class CommitFilesFn extends DoFn<String, Long> {
  private final TableCommitter committer;
  private final @Nullable Long readSnapshot;
  private final PCollectionView<List<TableFiles>> files;
  private final @Nullable String readColumn;
  private final @Nullable PCollectionView<List<String>> readValues;

  CommitFilesFn(TableCommitter committer, @Nullable Long readSnapshot, PCollectionView<List<TableFiles>> files,
      @Nullable String readColumn, @Nullable PCollectionView<List<String>> readValues) {
    this.committer = committer;
    this.readSnapshot = readSnapshot;
    this.files = files;
    this.readColumn = readColumn;
    this.readValues = readValues;
  }

  @ProcessElement
  public void process(@Element String commitId, ProcessContext context) {
    Expression readWhere = readValues == null ? null
        : Expressions.in(readColumn, context.sideInput(readValues).toArray());
    committer.commit(commitId, context.sideInput(files), readSnapshot, readWhere).ifPresent(context::output);
  }
}
