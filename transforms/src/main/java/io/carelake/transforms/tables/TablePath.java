package io.carelake.transforms.tables;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a versioned table lives. Its layout is private to this package, so that the storage of tables
 * can change without touching a pipeline:
 *
 * <pre>
 * &lt;table&gt;/snapshots/v&lt;N&gt;/part-*.parquet   every row of version N
 * &lt;table&gt;/changes/v&lt;N&gt;/part-*.parquet     the change feed of version N
 * &lt;table&gt;/_commits/&lt;N, 20 digits&gt;.json     the commit record of version N, written last
 * </pre>
 *
 * A version exists only once its commit record does; the record lists the files of the version.
 */
@AutoValue
public abstract class TablePath implements Serializable {
  private static final String SNAPSHOTS = "snapshots";
  private static final String CHANGES = "changes";
  private static final String COMMITS = "_commits";

  public abstract String zone();

  public abstract String name();

  /** The table folder. */
  public abstract String path();

  static TablePath of(String zone, String name, String path) {
    return new AutoValue_TablePath(zone, name, path);
  }

  String snapshotDir(long version) {
    return LakePaths.join(path(), SNAPSHOTS, versionFolder(version));
  }

  String changesDir(long version) {
    return LakePaths.join(path(), CHANGES, versionFolder(version));
  }

  /** Where a streaming run writes the change files it appends, window after window. */
  String appendedChangesDir(String runId) {
    return LakePaths.join(path(), CHANGES, "append-" + runId);
  }

  /**
   * Where a streaming run notes which version appended a window's files: named by a hash of the file
   * list, outside the {@code <version>.json} names readers list.
   */
  String appendMarker(String runId, String files) {
    String hash = HexFormat.of().formatHex(sha256(files.getBytes(StandardCharsets.UTF_8)));
    return LakePaths.join(commitsDir(), "appends", runId, hash);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  String commitsDir() {
    return LakePaths.join(path(), COMMITS);
  }

  String commitFile(long version) {
    return LakePaths.join(commitsDir(), String.format("%020d.json", version));
  }

  /** An absolute path from one relative to the table folder, as commit records hold them. */
  String resolve(String relativePath) {
    return LakePaths.join(path(), relativePath.split("/"));
  }

  /** The path relative to the table folder of a file inside it. */
  String relativize(String absolutePath) {
    String prefix = path() + "/";
    if (!absolutePath.startsWith(prefix)) {
      throw new IllegalArgumentException(absolutePath + " is not inside table " + path());
    }
    return absolutePath.substring(prefix.length());
  }

  private static String versionFolder(long version) {
    return "v" + version;
  }

  @Override
  public final String toString() {
    return path();
  }
}
