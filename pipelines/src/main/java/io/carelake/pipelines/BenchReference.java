package io.carelake.pipelines;

import io.carelake.pipelines.reference.NppesBulkGenerator;
import io.carelake.pipelines.reference.PlainJavaProviders;
import io.carelake.pipelines.reference.ReferenceOptions;
import io.carelake.pipelines.reference.ReferencePipeline;
import io.carelake.pipelines.reference.ReferenceSummary;
import io.carelake.transforms.tables.Lake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The reference benchmark: generates an NPPES monthly bulk file of {@code --providers} NPIs (1,000,000 by
 * default, about 1.2 KB and 330 quoted columns a record) and, with {@code --weekly=true}, its weekly increment
 * (not timed); runs the plain-Java reference ({@link PlainJavaProviders}) on them in a JVM of its own, then the
 * reference pipeline's bulk path with this jar's runner on a fresh local lake; prints records, wall time,
 * records/s, microseconds per record (to set beside the members benchmark's) and peak heap, and fails when the
 * records read differ from those written or the pipeline's counts from the reference's.
 */
final class BenchReference {
  static final List<String> OPTIONS = List.of("lake", "providers", "weekly", "badFraction", "seed", "reference",
      "referenceHeap");

  private BenchReference() {}

  static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv, OPTIONS);
    Path lake = args.get("lake", "").isEmpty() ? Files.createTempDirectory("carelake-bench-reference")
        : LocalLake.folder("bench-reference", args.get("lake", ""));
    Path landing = Files.createDirectories(lake.resolve("landing").resolve(ReferencePipeline.NAME));
    long generating = System.nanoTime();
    int providers = (int) args.getLong("providers", 1_000_000);
    NppesBulkGenerator generator = new NppesBulkGenerator(args.getLong("seed", 2025), providers,
        args.getDouble("badFraction", 0.02), LocalDate.of(2025, 6, 8));
    List<Path> files = new ArrayList<>(List.of(generator.writeMonthly(landing)));
    long written = providers;
    if (Boolean.parseBoolean(args.get("weekly", "false"))) {
      files.add(generator.writeWeekly(landing));
      written += (providers + 9) / 10;
    }
    long bytes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
    }
    System.out.printf("bench generated files=%d records=%d bytes=%d in %.1f s (not timed)%n", files.size(), written,
        bytes, (System.nanoTime() - generating) / 1e9);

    Map<String, String> reference = Boolean.parseBoolean(args.get("reference", "true"))
        ? Bench.runReference(args.get("referenceHeap", (Runtime.getRuntime().maxMemory() >> 20) + "m"),
            PlainJavaProviders.class, landing.toString(), lake.resolve("reference-providers.parquet").toString())
        : Map.of();

    List<String> pipelineArgs = new ArrayList<>(List.of("--lake=" + lake));
    pipelineArgs.addAll(args.passOn());
    ReferenceOptions options = PipelineOptionsFactory.fromArgs(pipelineArgs.toArray(String[]::new))
        .withValidation().as(ReferenceOptions.class);
    AtomicLong peakHeap = new AtomicLong();
    Thread sampler = Bench.startHeapSampler(peakHeap);
    double cpuStart = Bench.processCpuSeconds();
    long start = System.nanoTime();
    ReferencePipeline.run(options).waitUntilFinish();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = Bench.processCpuSeconds() - cpuStart;
    sampler.interrupt();

    RunSummary summary = ReferenceSummary.of(Lake.at(lake.toString()), options.getRunId());
    long read = summary.total("rows_read");
    System.out.print(summary.render());
    System.out.printf("bench-reference runner=%s records=%d valid=%d quarantined=%d seconds=%.1f records_per_s=%.0f "
            + "us_per_record=%.1f cpu_s=%.1f peak_heap_mb=%d max_heap_mb=%d%n",
        options.getRunner().getSimpleName(), read, summary.total("valid"), summary.total("quarantined"), seconds,
        read / seconds, seconds * 1e6 / read, cpu, peakHeap.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    boolean failed = false;
    if (read != written) {
      System.out.println("bench-reference records read differ from records written");
      failed = true;
    }
    if (!reference.isEmpty()) {
      boolean same = Long.parseLong(reference.get("rows")) == read
          && Long.parseLong(reference.get("quarantined")) == summary.total("quarantined");
      System.out.printf("bench-reference ratio=%.2f (pipeline %.1f s / reference %s s) counts=%s%n",
          seconds / Double.parseDouble(reference.get("seconds")), seconds, reference.get("seconds"),
          same ? "same" : "DIFFERENT");
      failed |= !same;
    }
    if (failed) {
      System.exit(1);
    }
  }
}
