package io.carelake.transforms.tables;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult.Metadata;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The commit log of a table: which versions exist and what each holds. Plain Java, used when a pipeline
 * is built (to pick the version to read and the one to write) and by tools.
 *
 * <p>Only {@code _commits/<20 digits>.json} files count: a record is written to a temporary name and
 * renamed, so a reader never sees half of one, and a version whose run crashed before its commit does
 * not exist.
 */
public final class TableLog {
  private static final Pattern COMMIT_NAME = Pattern.compile("(\\d{20})\\.json");
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final TablePath table;

  private TableLog(TablePath table) {
    this.table = table;
  }

  public static TableLog of(TablePath table) {
    return new TableLog(table);
  }

  /** Committed versions, oldest first. */
  public List<Long> versions() {
    List<Long> versions = new ArrayList<>();
    for (Metadata file : LakeFiles.match(LakePaths.join(table.commitsDir(), "*.json"))) {
      Matcher name = COMMIT_NAME.matcher(file.resourceId().getFilename());
      if (name.matches()) {
        versions.add(Long.parseLong(name.group(1)));
      }
    }
    versions.sort(null);
    return versions;
  }

  /** The latest committed version; 0 when the table has none yet. */
  public long latestVersion() {
    List<Long> versions = versions();
    return versions.isEmpty() ? 0L : versions.get(versions.size() - 1);
  }

  /** The commit record of the latest version, empty when the table has none yet. */
  public Optional<CommitRecord> latest() {
    long latest = latestVersion();
    return latest == 0L ? Optional.empty() : Optional.of(read(latest));
  }

  /**
   * The files that make up {@code version}: the latest snapshot at or before it, and the change files of
   * every {@link CommitRecord#APPEND append} version after that snapshot, oldest first. Paths are
   * absolute.
   */
  Current current(long version) {
    List<Long> versions = versions();
    // Newest first down to the latest snapshot: the records before it do not matter.
    List<CommitRecord> appended = new ArrayList<>();
    CommitRecord snapshot = null;
    for (int i = versions.size() - 1; i >= 0 && snapshot == null; i--) {
      if (versions.get(i) <= version) {
        CommitRecord record = read(versions.get(i));
        if (record.hasSnapshot()) {
          snapshot = record;
        } else {
          appended.add(0, record);
        }
      }
    }
    List<VersionedFile> appendedFiles = new ArrayList<>();
    appended.forEach(record -> resolve(record.changeFiles())
        .forEach(file -> appendedFiles.add(new VersionedFile(record.version(), file))));
    CommitRecord newest = appended.isEmpty() ? null : appended.get(appended.size() - 1);
    return new Current(snapshot == null ? 0L : snapshot.version(),
        snapshot == null ? List.of() : resolve(snapshot.snapshotFiles()),
        appendedFiles,
        newest == null ? List.of() : newest.keyColumns(),
        newest == null ? null : newest.sequenceColumn());
  }

  /** The record of {@code version}, empty when that version is not committed. */
  Optional<CommitRecord> find(long version) {
    return LakeFiles.match(table.commitFile(version)).isEmpty() ? Optional.empty() : Optional.of(read(version));
  }

  private List<String> resolve(List<String> relative) {
    List<String> files = new ArrayList<>(relative.size());
    relative.forEach(file -> files.add(table.resolve(file)));
    return files;
  }

  /**
   * A table version as files: its snapshot and the changes appended after it.
   *
   * @param keyColumns the key the appended changes are applied by; empty when nothing was appended
   * @param sequenceColumn the column whose highest value wins among a key's rows (then the newest
   *     version), or null: the newest version wins
   */
  record Current(long snapshotVersion, List<String> snapshotFiles, List<VersionedFile> appendedFiles,
      List<String> keyColumns, @Nullable String sequenceColumn) {}

  /** A change file and the version that appended it. */
  record VersionedFile(long version, String path) implements java.io.Serializable {}

  public CommitRecord read(long version) {
    String path = table.commitFile(version);
    try (InputStream in = Channels.newInputStream(
        FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      return JSON.readValue(in, CommitRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read commit record " + path, e);
    }
  }

  /**
   * Makes a version visible. A retry of the same run finds its own record and stops there; a record of
   * another run means two writers built on the same version, and the second must not hide the first
   * one's rows.
   */
  void commit(CommitRecord record) throws IOException {
    String path = table.commitFile(record.version());
    if (!LakeFiles.match(path).isEmpty()) {
      CommitRecord existing = read(record.version());
      if (existing.runId().equals(record.runId())) {
        return;
      }
      throw new IllegalStateException("version " + record.version() + " of table " + table
          + " was committed by run " + existing.runId() + " while run " + record.runId() + " wrote it");
    }
    ResourceId target = FileSystems.matchNewResource(path, false);
    ResourceId temp = FileSystems.matchNewResource(
        LakePaths.join(table.commitsDir(), ".tmp-" + record.version() + "-" + UUID.randomUUID()), false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(temp, MimeTypes.TEXT))) {
      JSON.writeValue(out, record);
    }
    FileSystems.rename(List.of(temp), List.of(target));
  }
}
