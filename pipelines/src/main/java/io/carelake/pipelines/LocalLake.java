package io.carelake.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Setting up a local lake for the demo, the benchmark and the roster generator. These tools write with
 * {@code java.nio} and so only to a local folder; the pipelines themselves take any Beam filesystem.
 */
final class LocalLake {
  private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");

  private LocalLake() {}

  /**
   * The local folder {@code lake}, made absolute. A {@code gs://} (or other) URL is refused rather than
   * becoming a local folder named {@code gs:}.
   */
  static Path folder(String tool, String lake) {
    if (URL.matcher(lake).matches()) {
      throw new IllegalArgumentException(tool + " writes a local folder, not " + lake
          + ": write it locally, then copy it (gcloud storage cp -r) and run members on the copy");
    }
    return Path.of(lake).toAbsolutePath();
  }

  /**
   * Writes a fresh random tokenisation key, readable by its owner only, and returns its path. Fine for a
   * demo or a benchmark; a real lake's key lives in a secret manager or a protected file.
   */
  static Path writeTokenKey(Path lake) throws IOException {
    Path secrets = Files.createDirectories(lake.resolve("secrets"));
    Path key = secrets.resolve("token.key");
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    Files.writeString(key, HexFormat.of().formatHex(bytes) + "\n");
    try {
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX filesystem: the demo key stays with the filesystem's defaults.
    }
    return key;
  }
}
