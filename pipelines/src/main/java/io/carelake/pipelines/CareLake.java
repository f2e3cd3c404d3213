package io.carelake.pipelines;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.PipelineRunner;
import org.apache.beam.sdk.runners.PipelineRunnerRegistrar;

/**
 * The command line of every runner jar: {@code java -jar carelake-<runner>.jar <command> [--option=value ...]}.
 */
public final class CareLake {
  private static final String TOOLS = String.join("\n",
      "  demo      run members on the bundled sample rosters in a fresh lake and print a summary",
      "  show      print a table's schema, versions and first rows: show --lake=DIR --table=ZONE/NAME [--rows=N] [--asOf=ID|TIME] [--history=true]",
      "  maintain  compact small files, expire old snapshots, remove orphan files: maintain --lake=DIR [--table=ZONE/NAME]",
      "  export    write a table (or a version of it) as plain Parquet: export --lake=DIR --table=ZONE/NAME --to=DIR [--asOf=ID|TIME]",
      "  generate  write synthetic rosters: generate --lake=DIR [--rows=N --clients=K --files=F --badFraction=X --seed=S]",
      "  bench     generate rosters, run members on them, print rows/s and peak heap (same options as generate)",
      "  staffing-report  write the staffing report of a lake's gold tables: staffing-report --lake=DIR [--to=FILE] [--catalog=PROPERTIES]",
      "  bench-staffing  generate a PBJ quarter, run staffing on it, print records/s and peak heap: bench-staffing [--facilities=N --days=D]",
      "  bench-reference  generate an NPPES bulk file, run reference on it, print records/s and peak heap: bench-reference [--providers=N --weekly=true]",
      "  template-metadata <pipeline>  print the pipeline's flex-template metadata.json, derived from its options");

  private CareLake() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
      System.out.println(usage());
      return;
    }
    String[] rest = withDefaultRunner(Arrays.copyOfRange(args, 1, args.length));
    Optional<PipelineCatalog.Entry> pipeline = PipelineCatalog.named(args[0]);
    if (pipeline.isPresent()) {
      pipeline.get().run(rest);
      return;
    }
    switch (args[0]) {
      case "demo":
        Demo.main(rest);
        break;
      case "maintain":
        Maintain.main(Arrays.copyOfRange(args, 1, args.length));
        break;
      case "export":
        Export.main(rest);
        break;
      case "show":
        Show.main(rest);
        break;
      case "generate":
        Generate.main(rest);
        break;
      case "bench":
        Bench.main(rest);
        break;
      case "staffing-report":
        StaffingReportCommand.main(rest);
        break;
      case "bench-staffing":
        BenchStaffing.main(rest);
        break;
      case "bench-reference":
        BenchReference.main(rest);
        break;
      case "template-metadata":
        TemplateMetadata.main(Arrays.copyOfRange(args, 1, args.length));
        break;
      default:
        System.err.println("unknown command '" + args[0] + "'\n" + usage());
        System.exit(2);
    }
  }

  /** The pipelines of the catalogue (each with --help for its options), then the tools. */
  private static String usage() {
    return "usage: carelake <command> [--option=value ...]\n"
        + PipelineCatalog.all().stream()
            .map(entry -> String.format("  %-9s %s (--help for its options)%n", entry.name(), entry.description()))
            .collect(Collectors.joining())
        + TOOLS;
  }

  /** The jar (or classes folder) this command runs from, to print commands a user can paste. */
  static String jarPath() {
    try {
      return java.nio.file.Path.of(CareLake.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException | SecurityException e) {
      return "<carelake jar>";
    }
  }

  /**
   * A runner jar holds one runner: use it unless {@code --runner} says otherwise, so that
   * {@code java -jar carelake-flink.jar members ...} runs on Flink without naming it.
   */
  static String[] withDefaultRunner(String[] args) {
    if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--runner="))) {
      return args;
    }
    List<Class<? extends PipelineRunner<?>>> runners = StreamSupport
        .stream(ServiceLoader.load(PipelineRunnerRegistrar.class).spliterator(), false)
        .flatMap(registrar -> StreamSupport.stream(registrar.getPipelineRunners().spliterator(), false))
        .filter(runner -> !runner.getSimpleName().startsWith("Test"))
        .collect(Collectors.toList());
    // A runner module may register variants (Spark's structured-streaming runner): the jar's own
    // runner is the one with the plainest name.
    return runners.stream()
        .map(Class::getSimpleName)
        .min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
        .map(runner -> {
          String[] withRunner = Arrays.copyOf(args, args.length + 1);
          withRunner[args.length] = "--runner=" + runner;
          return withRunner;
        })
        .orElse(args);
  }
}
