package io.carelake.transforms.tables;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Evaluator;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.expressions.Projections;
import org.apache.iceberg.util.SnapshotUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Makes the files a run (or one streaming window of it) wrote visible, atomically, as one snapshot of
 * the table, named in its summary by the run and a commit id. A commit that finds a snapshot of its own
 * commit id (a retried bundle, a job restored from a checkpoint) commits nothing again.
 *
 * <p>Changes to a keyed table were decided on the rows a run read: if another writer has since added
 * rows or deletes where the run read (the partitions it read in batch; the whole table for a streaming
 * run, whose merge keeps the table in state), the commit is refused with a message saying so, rather than
 * overwriting what the run did not see; so is a run that found nothing to change, since it decided that on
 * rows that are no longer current. Appends never conflict.
 */
final class TableCommitter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LakeTable table;
  private final String runId;
  private final boolean checkConflicts;
  private final boolean streaming;
  private final boolean replace;

  /**
   * @param checkConflicts whether the run's changes were decided on a read of the table (a merge)
   * @param streaming whether the run commits window by window, holding the table in state
   */
  TableCommitter(LakeTable table, String runId, boolean checkConflicts, boolean streaming) {
    this(table, runId, checkConflicts, streaming, false);
  }

  private TableCommitter(LakeTable table, String runId, boolean checkConflicts, boolean streaming, boolean replace) {
    this.table = table;
    this.runId = runId;
    this.checkConflicts = checkConflicts;
    this.streaming = streaming;
    this.replace = replace;
  }

  /** A committer whose commit replaces every row of the table with the files written (a rebuilt gold table). */
  static TableCommitter replacing(LakeTable table, String runId) {
    return new TableCommitter(table, runId, false, false, true);
  }

  /**
   * Commits {@code written} as {@code commitId}, unless a snapshot after {@code since} already did.
   *
   * @param since the snapshot the run's decisions are based on (and its commits come after); null for a
   *     table that had none
   * @param readWhere where the run read: changes committed there by others since {@code since} conflict;
   *     null for the partitions the files are written to
   * @return the snapshot of the commit; empty when there was nothing to commit
   */
  Optional<Long> commit(String commitId, Iterable<TableFiles> written, @Nullable Long since,
      @Nullable Expression readWhere) {
    Table current = table.load();
    Optional<Snapshot> done = findCommit(current, commitId, since);
    if (done.isPresent()) {
      return Optional.of(done.get().snapshotId());
    }
    List<DataFile> dataFiles = new ArrayList<>();
    List<DeleteFile> deleteFiles = new ArrayList<>();
    for (TableFiles files : written) {
      dataFiles.addAll(files.files().dataFiles());
      deleteFiles.addAll(files.files().deleteFiles());
    }
    Expression conflicts = readWhere != null ? readWhere : partitionsOf(current, dataFiles);
    if (checkConflicts) {
      checkStillCurrent(current, since, conflicts);
    }
    if (replace) {
      // An empty result still replaces the rows: a rebuilt table with nothing in it is empty.
      var overwrite = current.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
      dataFiles.forEach(overwrite::addFile);
      named(overwrite, commitId).commit();
    } else if (dataFiles.isEmpty() && deleteFiles.isEmpty()) {
      return Optional.empty();
    } else if (!checkConflicts) {
      var append = current.newFastAppend();
      dataFiles.forEach(append::appendFile);
      named(append, commitId).commit();
    } else {
      RowDelta delta = current.newRowDelta();
      dataFiles.forEach(delta::addRows);
      deleteFiles.forEach(delta::addDeletes);
      if (since != null) {
        delta.validateFromSnapshot(since);
      }
      delta.conflictDetectionFilter(conflicts).validateNoConflictingDataFiles().validateNoConflictingDeleteFiles();
      try {
        named(delta, commitId).commit();
      } catch (ValidationException e) {
        throw conflict(e.getMessage(), e);
      }
    }
    return Optional.of(findCommit(table.load(), commitId, since).orElseThrow(() -> new IllegalStateException(
        "commit " + commitId + " of table " + table + " succeeded but its snapshot is not in the table's history"))
        .snapshotId());
  }

  /**
   * Fails when the table moved on where the run read since {@code since}, by a change other than a
   * compaction: what Iceberg validates for a commit, checked also for a run that has nothing to commit.
   */
  private void checkStillCurrent(Table current, @Nullable Long since, Expression readWhere) {
    Snapshot head = current.currentSnapshot();
    if (head == null || (since != null && head.snapshotId() == since)) {
      return;
    }
    if (since != null && !SnapshotUtil.isAncestorOf(current, head.snapshotId(), since)) {
      throw conflict("the snapshot it read, " + since + ", is no longer in the table's history", null);
    }
    for (Snapshot snapshot : SnapshotUtil.ancestorsBetween(head.snapshotId(), since, current::snapshot)) {
      if (DataOperations.REPLACE.equals(snapshot.operation())) {
        continue;
      }
      List<ContentFile<?>> added = new ArrayList<>();
      snapshot.addedDataFiles(current.io()).forEach(added::add);
      snapshot.addedDeleteFiles(current.io()).forEach(added::add);
      for (ContentFile<?> file : added) {
        PartitionSpec spec = current.specs().get(file.specId());
        if (new Evaluator(spec.partitionType(), Projections.inclusive(spec).project(readWhere))
            .eval(file.partition())) {
          throw conflict("snapshot " + snapshot.snapshotId() + " of run "
              + snapshot.summary().get(TableSnapshot.RUN_ID) + " changed rows where it read", null);
        }
      }
    }
  }

  private IllegalStateException conflict(String detail, @Nullable Exception cause) {
    return new IllegalStateException(String.format("table %s was changed by another writer since run %s read it"
        + " (%s); its changes were not committed. %s", table, runId, detail,
        streaming ? "Restart the streaming job: it reloads the table when it starts."
            : "Run it again: it will merge into the table as it is now."), cause);
  }

  private <T extends SnapshotUpdate<T>> T named(T update, String commitId) {
    return update.set(TableSnapshot.RUN_ID, runId).set(TableSnapshot.COMMIT_ID, commitId);
  }

  /** The snapshot of {@code commitId} among those committed after {@code since}, newest first. */
  static Optional<Snapshot> findCommit(Table table, String commitId, @Nullable Long since) {
    Snapshot current = table.currentSnapshot();
    if (current == null) {
      return Optional.empty();
    }
    for (Snapshot snapshot : SnapshotUtil.ancestorsOf(current.snapshotId(), table::snapshot)) {
      if (since != null && snapshot.snapshotId() == since) {
        return Optional.empty();
      }
      if (commitId.equals(snapshot.summary().get(TableSnapshot.COMMIT_ID))) {
        return Optional.of(snapshot);
      }
    }
    return Optional.empty();
  }

  /**
   * The partitions the files are in, as a filter on their source columns: where another writer's changes
   * would conflict. The whole table when the table is not partitioned by values alone.
   */
  private static Expression partitionsOf(Table table, List<DataFile> files) {
    Set<List<Object>> seen = new LinkedHashSet<>();
    Expression filter = Expressions.alwaysFalse();
    for (DataFile file : files) {
      PartitionSpec spec = table.specs().get(file.specId());
      List<PartitionField> fields = spec.fields();
      if (fields.isEmpty() || fields.stream().anyMatch(field -> !field.transform().isIdentity())) {
        return Expressions.alwaysTrue();
      }
      StructLike partition = file.partition();
      List<Object> values = new ArrayList<>();
      values.add(file.specId());
      Expression partitionFilter = Expressions.alwaysTrue();
      for (int i = 0; i < fields.size(); i++) {
        String column = spec.schema().findColumnName(fields.get(i).sourceId());
        Object value = partition.get(i, Object.class);
        values.add(value);
        partitionFilter = Expressions.and(partitionFilter,
            value == null ? Expressions.isNull(column) : Expressions.equal(column, value));
      }
      if (seen.add(values)) {
        filter = Expressions.or(filter, partitionFilter);
      }
    }
    return filter;
  }
}
