package io.carelake.transforms.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.io.SupportsPrefixOperations;
import org.apache.iceberg.util.PropertyUtil;
import org.apache.iceberg.util.StructLikeMap;

/**
 * Keeps a table fast to read and small on disk: rewrites partitions of small files or with deletes into
 * few large files, expires old snapshots (and the files only they used), and removes files no snapshot
 * names, such as those of a run that died before its commit. Each step is one atomic commit (or none),
 * safe beside running writers:
 *
 * <ul>
 *   <li>a rewrite keeps the data sequence number of the snapshot it read, so a delete a merge commits
 *       meanwhile still applies to the rewritten rows; a conflicting change makes it fail without effect;
 *   <li>orphan files are removed only when older than a grace period longer than any run's writing.
 * </ul>
 */
public final class TableMaintenance {
  /** What one maintenance of a table did. */
  public record Report(int partitionsRewritten, int dataFilesRewritten, int deleteFilesRemoved, int dataFilesWritten,
      int snapshotsExpired, int orphanFilesRemoved) {}

  /** Fewer small manifests than this are left alone: merging them would save less than it costs. */
  private static final int MIN_SMALL_MANIFESTS = 10;

  private TableMaintenance() {}

  /**
   * Rewrites every partition that has deletes, or more than one file smaller than three quarters of the
   * table's target file size, into files of about that size with the deletes applied.
   *
   * @return partitions rewritten, data files replaced, delete files removed, data files written
   */
  public static Report compact(LakeTable lakeTable) {
    Table table = lakeTable.load();
    Snapshot snapshot = table.currentSnapshot();
    if (snapshot == null) {
      return new Report(0, 0, 0, 0, 0, 0);
    }
    long target = PropertyUtil.propertyAsLong(table.properties(), TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
    Map<StructLike, List<FileScanTask>> byPartition = StructLikeMap.create(table.spec().partitionType());
    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
      for (FileScanTask task : tasks) {
        if (task.spec().specId() == table.spec().specId()) {
          byPartition.computeIfAbsent(task.file().partition(), partition -> new ArrayList<>()).add(task);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot plan the files of " + lakeTable, e);
    }
    Set<DataFile> replaced = new HashSet<>();
    Set<DeleteFile> removedDeletes = new HashSet<>();
    Set<DataFile> written = new HashSet<>();
    int partitions = 0;
    for (Map.Entry<StructLike, List<FileScanTask>> partition : byPartition.entrySet()) {
      List<FileScanTask> tasks = partition.getValue();
      long small = tasks.stream().filter(task -> task.file().fileSizeInBytes() < target * 3 / 4).count();
      boolean hasDeletes = tasks.stream().anyMatch(task -> !task.deletes().isEmpty());
      if (!hasDeletes && small < 2) {
        continue;
      }
      partitions++;
      tasks.forEach(task -> {
        replaced.add(task.file());
        removedDeletes.addAll(task.deletes());
      });
      written.addAll(rewrite(table, partition.getKey(), tasks, target));
    }
    if (partitions == 0) {
      rewriteSmallManifests(table);
      return new Report(0, 0, 0, 0, 0, 0);
    }
    RewriteFiles rewrite = table.newRewrite()
        .validateFromSnapshot(snapshot.snapshotId())
        .dataSequenceNumber(snapshot.sequenceNumber())
        .set(TableSnapshot.RUN_ID, "maintain-" + Instant.now());
    replaced.forEach(rewrite::deleteFile);
    removedDeletes.forEach(rewrite::deleteFile);
    written.forEach(rewrite::addFile);
    rewrite.commit();
    rewriteSmallManifests(table);
    return new Report(partitions, replaced.size(), removedDeletes.size(), written.size(), 0, 0);
  }

  /**
   * Merges small data manifests once there are ten or more: a streaming run appends one per window and
   * table, and planning a read opens every manifest.
   */
  private static void rewriteSmallManifests(Table table) {
    table.refresh();
    if (table.currentSnapshot() == null) {
      return;
    }
    long small = PropertyUtil.propertyAsLong(table.properties(), TableProperties.MANIFEST_TARGET_SIZE_BYTES,
        TableProperties.MANIFEST_TARGET_SIZE_BYTES_DEFAULT) / 2;
    long smallManifests = table.currentSnapshot().dataManifests(table.io()).stream()
        .filter(manifest -> manifest.length() < small).count();
    if (smallManifests >= MIN_SMALL_MANIFESTS) {
      table.rewriteManifests().rewriteIf(manifest -> manifest.content() == ManifestContent.DATA && manifest.length() < small)
          .set(TableSnapshot.RUN_ID, "maintain-" + Instant.now()).commit();
    }
  }

  private static List<DataFile> rewrite(Table table, StructLike partition, List<FileScanTask> tasks, long target) {
    PartitionSpec spec = table.spec();
    OutputFileFactory files = OutputFileFactory.builderFor(table, 0, System.nanoTime())
        .format(FileFormat.PARQUET).operationId("maintain-" + UUID.randomUUID()).build();
    GenericAppenderFactory appenders = new GenericAppenderFactory(table.schema(), spec);
    appenders.setAll(table.properties());
    List<DataFile> written = new ArrayList<>();
    DataWriter<Record> writer = null;
    try {
      for (FileScanTask task : tasks) {
        try (CloseableIterable<Record> records = TaskReader.of(table, table.schema(), task).records()) {
          for (Record record : records) {
            if (writer == null) {
              writer = appenders.newDataWriter(files.newOutputFile(spec, partition), FileFormat.PARQUET, partition);
            }
            writer.write(record);
            if (writer.length() >= target) {
              writer.close();
              written.add(writer.toDataFile());
              writer = null;
            }
          }
        }
      }
      if (writer != null) {
        writer.close();
        written.add(writer.toDataFile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite a partition of " + table.name(), e);
    }
    return written;
  }

  /**
   * Expires the snapshots older than {@code olderThan}, keeping at least the last {@code retainLast}, and
   * deletes the files only they used. Time travel reaches back only as far as the snapshots kept.
   *
   * @return the number of snapshots expired
   */
  public static int expireSnapshots(LakeTable lakeTable, Duration olderThan, int retainLast) {
    Table table = lakeTable.load();
    int before = count(table.snapshots());
    table.expireSnapshots()
        .expireOlderThan(Instant.now().minus(olderThan).toEpochMilli())
        .retainLast(retainLast)
        .commit();
    table.refresh();
    return before - count(table.snapshots());
  }

  /**
   * Deletes the files under the table's location that no kept snapshot, manifest or metadata file names
   * and that are older than {@code olderThan}: what runs that died before their commit left.
   *
   * @return the number of files deleted
   */
  public static int removeOrphanFiles(LakeTable lakeTable, Duration olderThan) {
    Table table = lakeTable.load();
    if (!(table.io() instanceof SupportsPrefixOperations listing)) {
      throw new UnsupportedOperationException("the file IO of " + lakeTable + " cannot list files");
    }
    Set<String> referenced = referencedFiles(table);
    long cutoff = Instant.now().minus(olderThan).toEpochMilli();
    int removed = 0;
    // The trailing slash keeps a prefix listing out of tables whose names start with this one's.
    String location = normalize(table.location()).replaceAll("/+$", "") + "/";
    for (FileInfo file : listing.listPrefix(table.location().replaceAll("/+$", "") + "/")) {
      String path = normalize(file.location());
      if (path.startsWith(location) && file.createdAtMillis() < cutoff && !referenced.contains(path)
          && !path.endsWith("/.commit.lock")) {
        table.io().deleteFile(file.location());
        removed++;
      }
    }
    return removed;
  }

  private static Set<String> referencedFiles(Table table) {
    Set<String> referenced = new HashSet<>();
    ReachableFileUtil.metadataFileLocations(table, true).forEach(path -> referenced.add(normalize(path)));
    referenced.add(normalize(ReachableFileUtil.versionHintLocation(table)));
    ReachableFileUtil.statisticsFilesLocations(table).forEach(path -> referenced.add(normalize(path)));
    for (Snapshot snapshot : table.snapshots()) {
      if (snapshot.manifestListLocation() != null) {
        referenced.add(normalize(snapshot.manifestListLocation()));
      }
      for (ManifestFile manifest : snapshot.allManifests(table.io())) {
        referenced.add(normalize(manifest.path()));
        try {
          if (manifest.content() == ManifestContent.DATA) {
            try (CloseableIterable<String> paths = ManifestFiles.readPaths(manifest, table.io())) {
              paths.forEach(path -> referenced.add(normalize(path)));
            }
          } else {
            try (ManifestReader<DeleteFile> deletes = ManifestFiles.readDeleteManifest(manifest, table.io(), table.specs())) {
              deletes.forEach(file -> referenced.add(normalize(file.path().toString())));
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read manifest " + manifest.path(), e);
        }
      }
    }
    return referenced;
  }

  /**
   * A path as listings and metadata may write it differently: a local path with or without its
   * {@code file:} scheme and slashes. Other schemes are compared as written; a file whose listed form
   * differs from the metadata's is then kept, never deleted, since it does not look like one of this table's.
   */
  private static String normalize(String path) {
    return path.startsWith("file:") ? path.substring("file:".length()).replaceFirst("^/+", "/") : path;
  }

  private static int count(Iterable<Snapshot> snapshots) {
    int count = 0;
    for (Snapshot ignored : snapshots) {
      count++;
    }
    return count;
  }
}
