package io.carelake.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Setting up a local lake for the demo and the benchmark. */
final class LocalLake {
  private LocalLake() {}

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
