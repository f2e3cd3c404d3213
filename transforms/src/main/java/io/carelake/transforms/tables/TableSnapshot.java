package io.carelake.transforms.tables;

import java.time.Instant;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One committed version of a table, as tools and pipelines see it.
 *
 * @param id the Iceberg snapshot id, for time travel ({@code show --asOf=<id>})
 * @param operation Iceberg's operation: {@code append}, {@code overwrite} (a merge), {@code replace} (a
 *     compaction), {@code delete}
 * @param runId the CareLake run that committed it, null for a commit by another engine
 * @param commitId what the run committed: the run id, plus the window for a streaming window
 */
public record TableSnapshot(long id, @Nullable Long parentId, Instant committedAt, String operation,
    @Nullable String runId, @Nullable String commitId, long addedRows, long totalRows) {
  static final String RUN_ID = "carelake.run-id";
  static final String COMMIT_ID = "carelake.commit-id";

  static TableSnapshot of(Snapshot snapshot) {
    Map<String, String> summary = snapshot.summary();
    return new TableSnapshot(snapshot.snapshotId(), snapshot.parentId(),
        Instant.ofEpochMilli(snapshot.timestampMillis()), String.valueOf(snapshot.operation()),
        summary.get(RUN_ID), summary.get(COMMIT_ID),
        Long.parseLong(summary.getOrDefault("added-records", "0")),
        Long.parseLong(summary.getOrDefault("total-records", "0")));
  }
}
