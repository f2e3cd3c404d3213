package io.carelake.pipelines;

import io.carelake.pipelines.members.RosterGenerator;
import java.nio.file.Path;
import java.util.List;

/** Writes synthetic member rosters and client configurations into a local lake folder. */
final class Generate {
  static final List<String> OPTIONS = List.of("lake", "rows", "clients", "files", "badFraction", "seed");

  private Generate() {}

  static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv, OPTIONS);
    Path lake = LocalLake.folder("generate", args.get("lake", "carelake-generated-lake"));
    long rows = args.getLong("rows", 10_000);
    long bad = write(args, lake);
    System.out.printf("wrote %d rows (%d bad) to %s/landing/members, configurations in %s/config/members%n",
        rows, bad, lake, lake);
  }

  static long write(Args args, Path lake) throws Exception {
    return new RosterGenerator(args.getLong("seed", 1), args.getDouble("badFraction", 0.02))
        .writeLake(lake, args.getLong("rows", 10_000), (int) args.getLong("clients", 4), (int) args.getLong("files", 3));
  }
}
