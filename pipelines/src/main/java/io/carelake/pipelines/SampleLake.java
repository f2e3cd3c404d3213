package io.carelake.pipelines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample rosters and client configurations bundled in the jar, copied into a lake folder. */
public final class SampleLake {
  private static final String SAMPLES = "/io/carelake/samples/members/";

  private SampleLake() {}

  /** Copies {@code config/members/*.yaml} and {@code landing/members/*} into {@code lake}. */
  public static void copyMemberSamples(Path lake) throws IOException {
    for (String line : resource("index.txt").split("\n")) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      Path target = lake.resolve(name);
      Files.createDirectories(target.getParent());
      try (InputStream in = SampleLake.class.getResourceAsStream(SAMPLES + name)) {
        if (in == null) {
          throw new IOException("sample " + name + " is missing from the jar");
        }
        Files.copy(in, target);
      }
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SampleLake.class.getResourceAsStream(SAMPLES + name)) {
      if (in == null) {
        throw new IOException("sample " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
