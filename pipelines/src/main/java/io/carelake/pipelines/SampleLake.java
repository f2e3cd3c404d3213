package io.carelake.pipelines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sample rosters and client configurations bundled in the jar, copied into a lake folder one
 * delivery day at a time, as a client would deliver them.
 */
public final class SampleLake {
  private static final String SAMPLES = "/io/carelake/samples/members/";

  private SampleLake() {}

  /** The delivery days of the samples: 1 and 2. */
  public static final int LAST_DAY = 2;

  /** Copies the configurations and rosters delivered on {@code day} into {@code lake}. */
  public static void deliverMemberSamples(Path lake, int day) throws IOException {
    deliverMemberSamples(lake, day, Integer.MAX_VALUE);
  }

  /**
   * The same with each roster cut to its header and first {@code maxRows} rows: the same cases (bad
   * rows, a duplicate delivery, a backfill, a rejected name) on less data, for slow test runners. The
   * samples have no line breaks inside fields, so a line is a row.
   */
  public static void deliverMemberSamples(Path lake, int day, int maxRows) throws IOException {
    for (String name : memberSamples(day)) {
      deliverMemberSample(lake, name, maxRows);
    }
  }

  /** The files delivered on {@code day}, configurations first: paths relative to a lake root. */
  public static List<String> memberSamples(int day) throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : resource("index.txt").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] dayAndName = line.strip().split(" ", 2);
      if (Integer.parseInt(dayAndName[0]) == day) {
        names.add(dayAndName[1]);
      }
    }
    return names;
  }

  /**
   * Copies one sample into {@code lake}, cut to {@code maxRows} rows. It is written beside its target
   * and then renamed, as a delivery tool should, so that a watching pipeline never sees half a file.
   */
  public static void deliverMemberSample(Path lake, String name, int maxRows) throws IOException {
    Path target = lake.resolve(name);
    Files.createDirectories(target.getParent());
    String content = resource(name);
    if (name.endsWith(".csv") && maxRows < Integer.MAX_VALUE) {
      content = content.lines().limit(1L + maxRows).map(row -> row + "\r\n").collect(Collectors.joining());
    }
    Path staging = Files.createDirectories(lake.resolve(".delivering")).resolve(target.getFileName());
    Files.writeString(staging, content);
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The first delivery day of the samples in {@code lake}, with a fresh key, and the members arguments
   * that run on them (the catalogue's sample set-up of the members pipeline).
   */
  static List<String> membersOnSamples(Path lake) throws IOException {
    deliverMemberSamples(lake, 1);
    return List.of("--lake=" + lake, "--clientConfigDir=" + lake.resolve("config/members"),
        "--tokenKeyRef=" + LocalLake.writeTokenKey(lake));
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
