package io.carelake.pipelines;

import io.carelake.pipelines.staffing.StaffingGenerator;
import io.carelake.pipelines.staffing.StaffingOptions;
import io.carelake.pipelines.staffing.StaffingPipeline;
import io.carelake.pipelines.staffing.StaffingSummary;
import io.carelake.transforms.tables.Lake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The staffing benchmark: generates a quarter of PBJ (by default 14,500 facilities over 90 days, about
 * 1.3M facility-days, as CMS publishes a quarter) and Provider Info (not timed), runs the whole staffing
 * pipeline with this jar's runner on a fresh local lake, and prints records, wall time, records/s,
 * microseconds per record (to set beside the members benchmark's) and peak heap.
 */
final class BenchStaffing {
  static final List<String> OPTIONS = List.of("lake", "facilities", "days", "badFraction", "seed");

  private BenchStaffing() {}

  static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv, OPTIONS);
    Path lake = args.get("lake", "").isEmpty() ? Files.createTempDirectory("carelake-bench-staffing")
        : LocalLake.folder("bench-staffing", args.get("lake", ""));
    long generating = System.nanoTime();
    StaffingGenerator.Written written = new StaffingGenerator((int) args.getLong("facilities", 14_500),
        (int) args.getLong("days", 90), args.getDouble("badFraction", 0.005), LocalDate.of(2025, 1, 1),
        args.getLong("seed", 2025)).writeTo(lake.resolve("landing").resolve(StaffingPipeline.NAME), LocalDate.of(2025, 4, 15));
    long bytes = 0;
    for (Path file : written.files()) {
      bytes += Files.size(file);
    }
    System.out.printf("bench generated pbj_records=%d provider_records=%d bytes=%d in %.1f s (not timed)%n",
        written.pbjRecords(), written.providerRecords(), bytes, (System.nanoTime() - generating) / 1e9);

    List<String> pipelineArgs = new ArrayList<>(List.of("--lake=" + lake));
    pipelineArgs.addAll(args.passOn());
    StaffingOptions options = PipelineOptionsFactory.fromArgs(pipelineArgs.toArray(String[]::new))
        .withValidation().as(StaffingOptions.class);
    AtomicLong peakHeap = new AtomicLong();
    Thread sampler = Bench.startHeapSampler(peakHeap);
    long start = System.nanoTime();
    StaffingPipeline.run(options).waitUntilFinish();
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();

    Lake at = Lake.at(lake.toString());
    RunSummary summary = StaffingSummary.of(at, options.getRunId());
    long read = summary.total("rows_read");
    System.out.print(summary.render());
    System.out.printf("bench-staffing runner=%s records=%d valid=%d quarantined=%d seconds=%.1f records_per_s=%.0f "
            + "us_per_record=%.1f peak_heap_mb=%d max_heap_mb=%d%n",
        options.getRunner().getSimpleName(), read, summary.total("valid"), summary.total("quarantined"), seconds,
        read / seconds, seconds * 1e6 / read, peakHeap.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    if (read != written.pbjRecords() + written.providerRecords()) {
      System.out.println("bench-staffing records read differ from records written");
      System.exit(1);
    }
  }
}
