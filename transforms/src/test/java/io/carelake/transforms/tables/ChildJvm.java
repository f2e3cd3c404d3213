package io.carelake.transforms.tables;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a {@code main} of the test classes in a JVM of its own, which a test can run beside itself or kill. */
final class ChildJvm {
  private ChildJvm() {}

  static Process start(Class<?> main, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  static String tail(Path log) throws IOException {
    File file = log.toFile();
    return file.exists() ? new String(java.nio.file.Files.readAllBytes(log)) : "(no output)";
  }
}
