package io.carelake.transforms.tables;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/** Writes the commit record of the version it receives, listing the files written for it. */
final class WriteCommitFn extends DoFn<Long, Long> {
  private final TablePath table;
  private final long previousVersion;
  private final String runId;
  private final String operation;
  private final PCollectionView<List<String>> snapshotFiles;
  private final PCollectionView<List<String>> changeFiles;
  private final PCollectionView<Long> snapshotRows;
  private final PCollectionView<Long> changeRows;

  WriteCommitFn(TablePath table, long previousVersion, String runId, String operation,
      PCollectionView<List<String>> snapshotFiles, PCollectionView<List<String>> changeFiles,
      PCollectionView<Long> snapshotRows, PCollectionView<Long> changeRows) {
    this.table = table;
    this.previousVersion = previousVersion;
    this.runId = runId;
    this.operation = operation;
    this.snapshotFiles = snapshotFiles;
    this.changeFiles = changeFiles;
    this.snapshotRows = snapshotRows;
    this.changeRows = changeRows;
  }

  @ProcessElement
  public void process(ProcessContext context) throws IOException {
    long version = context.element();
    CommitRecord record = new CommitRecord(
        version,
        previousVersion,
        runId,
        Instant.now().toString(),
        operation,
        relativeSorted(context.sideInput(snapshotFiles)),
        relativeSorted(context.sideInput(changeFiles)),
        context.sideInput(snapshotRows),
        context.sideInput(changeRows),
        List.of(),
        null);
    TableLog.of(table).commit(record);
    context.output(version);
  }

  private List<String> relativeSorted(List<String> files) {
    List<String> relative = new ArrayList<>(files.size());
    files.forEach(file -> relative.add(table.relativize(file)));
    relative.sort(null);
    return relative;
  }
}
