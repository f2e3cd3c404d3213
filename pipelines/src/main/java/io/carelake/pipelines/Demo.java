package io.carelake.pipelines;

import io.carelake.pipelines.members.MembersPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the members pipeline on the bundled sample rosters, two delivery days, one run each: three
 * clients with different layouts, some bad rows, a file whose name breaks the landing contract, a
 * duplicate delivery, updates and an older backfill. The demo lake is a local folder.
 */
final class Demo {
  private static final String MARKER = ".carelake-demo";

  private Demo() {}

  static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv, List.of("lake"));
    Path lake = LocalLake.folder("demo", args.get("lake", "carelake-demo-lake"));
    prepare(lake);
    Path key = LocalLake.writeTokenKey(lake);
    for (int day = 1; day <= SampleLake.LAST_DAY; day++) {
      SampleLake.deliverMemberSamples(lake, day);
      System.out.println("== delivery day " + day);
      List<String> pipelineArgs = new ArrayList<>(List.of("--lake=" + lake,
          "--clientConfigDir=" + lake.resolve("config/members"), "--tokenKeyRef=" + key, "--runId=demo-day-" + day));
      pipelineArgs.addAll(args.passOn());
      MembersPipeline.main(pipelineArgs.toArray(String[]::new));
    }
    System.out.println("Look at a table:  java -jar " + CareLake.jarPath() + " show --lake=" + lake + " --table=silver/members");
    System.out.println("Its versions:     java -jar " + CareLake.jarPath() + " show --lake=" + lake
        + " --table=silver/members --history=true");
    System.out.println("Other tables:     bronze/members, quarantine/members, audit/landing_files, alerts/quality"
        + " (Iceberg tables: the README shows how to query them with Spark SQL)");
  }

  /** A fresh demo lake with the samples in its landing zone; only a folder the demo made is wiped. */
  private static void prepare(Path lake) throws IOException {
    if (Files.exists(lake)) {
      if (!Files.exists(lake.resolve(MARKER))) {
        throw new IllegalArgumentException(lake + " exists and is not a demo lake: choose another --lake");
      }
      try (Stream<Path> paths = Files.walk(lake)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(lake);
    Files.writeString(lake.resolve(MARKER), "made by the CareLake demo; deleted by the next demo run\n");
  }
}
