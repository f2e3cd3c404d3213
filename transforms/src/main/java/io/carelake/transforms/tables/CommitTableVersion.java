package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection.IsBounded;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Commits a new version of a table: writes its snapshot and its change feed, then, once both are
 * complete, the commit record that makes the version visible. Until then readers see the previous
 * version; a run that fails before the record leaves files that no reader sees and that the next run
 * overwrites.
 *
 * <p>The new version is the latest committed one plus one, decided when the pipeline is built: it is
 * meant to follow a {@link ReadTable} of the same table in the same pipeline, with one writer per table
 * at a time. A commit record of another run for the same version fails the commit.
 */
@AutoValue
public abstract class CommitTableVersion extends PTransform<TableVersion, TableCommit> {
  abstract TablePath table();

  abstract String runId();

  abstract String operation();

  abstract Builder toBuilder();

  public static CommitTableVersion to(TablePath table, String runId) {
    checkArgument(runId != null && !runId.isBlank(), "runId must not be blank");
    return new AutoValue_CommitTableVersion.Builder()
        .setTable(table).setRunId(runId).setOperation("write").build();
  }

  /** What produced the version, recorded in its commit record, such as {@code merge}. */
  public CommitTableVersion withOperation(String operation) {
    checkArgument(operation != null && !operation.isBlank(), "operation must not be blank");
    return toBuilder().setOperation(operation).build();
  }

  @Override
  public TableCommit expand(TableVersion input) {
    checkArgument(input.snapshot().hasSchema() && input.changes().hasSchema(),
        "the snapshot and the changes of table %s must be rows with a schema", table());
    checkArgument(input.snapshot().isBounded() == IsBounded.BOUNDED && input.changes().isBounded() == IsBounded.BOUNDED,
        "a table version is committed from bounded input; table %s got unbounded input", table());

    long previous = TableLog.of(table()).latestVersion();
    long version = previous + 1;

    WriteFilesResult<Void> snapshot = input.snapshot()
        .apply("WriteSnapshot", RowParquet.write(input.snapshot().getSchema(), table().snapshotDir(version)));
    WriteFilesResult<Void> changes = input.changes()
        .apply("WriteChanges", RowParquet.write(input.changes().getSchema(), table().changesDir(version)));
    PCollection<String> snapshotFiles =
        snapshot.getPerDestinationOutputFilenames().apply("SnapshotFileNames", Values.create());
    PCollection<String> changeFiles =
        changes.getPerDestinationOutputFilenames().apply("ChangeFileNames", Values.create());

    PCollectionView<List<String>> snapshotFileList = snapshotFiles.apply("SnapshotFileList", View.asList());
    PCollectionView<List<String>> changeFileList = changeFiles.apply("ChangeFileList", View.asList());
    PCollectionView<Long> snapshotRows = input.snapshot()
        .apply("CountSnapshotRows", Count.globally())
        .apply("SnapshotRowCount", View.asSingleton());
    PCollectionView<Long> changeRows = input.changes()
        .apply("CountChangeRows", Count.globally())
        .apply("ChangeRowCount", View.asSingleton());

    WriteCommitFn writeCommit = new WriteCommitFn(
        table(), previous, runId(), operation(), snapshotFileList, changeFileList, snapshotRows, changeRows);
    PCollection<Long> committed = PBegin.in(input.getPipeline())
        .apply("NewVersion", Create.of(version).withCoder(VarLongCoder.of()))
        .apply("WaitForFiles", Wait.on(snapshotFiles, changeFiles))
        .apply("WriteCommitRecord", ParDo.of(writeCommit)
            .withSideInputs(snapshotFileList, changeFileList, snapshotRows, changeRows));
    return TableCommit.of(version, committed);
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setTable(TablePath table);

    abstract Builder setRunId(String runId);

    abstract Builder setOperation(String operation);

    abstract CommitTableVersion build();
  }
}
