package io.carelake.pipelines;

import io.carelake.pipelines.members.MembersOptions;
import io.carelake.pipelines.members.MembersPipeline;
import io.carelake.pipelines.members.MembersSummary;
import io.carelake.transforms.tables.Lake;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The members benchmark: generates rosters, runs validate, standardise, tokenise and the SCD1 merge on
 * them with the jar's runner, and prints one line of figures. Generation is not timed. The lake is a
 * local folder.
 */
final class Bench {
  private Bench() {}

  static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv, Generate.OPTIONS);
    Path lake = args.get("lake", "").isEmpty() ? Files.createTempDirectory("carelake-bench")
        : LocalLake.folder("bench", args.get("lake", ""));
    Generate.write(args, lake);
    Path key = LocalLake.writeTokenKey(lake);

    List<String> pipelineArgs = new ArrayList<>(List.of(
        "--lake=" + lake, "--clientConfigDir=" + lake.resolve("config/members"), "--tokenKeyRef=" + key));
    pipelineArgs.addAll(args.passOn());
    MembersOptions options = PipelineOptionsFactory.fromArgs(pipelineArgs.toArray(String[]::new))
        .withValidation().as(MembersOptions.class);

    AtomicLong peakHeap = new AtomicLong();
    Thread sampler = startHeapSampler(peakHeap);
    long start = System.nanoTime();
    MembersPipeline.run(options).waitUntilFinish();
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();

    MembersSummary summary = MembersSummary.of(Lake.at(lake.toString()), options.getRunId());
    long rowsRead = summary.total("rows_read");
    System.out.printf("bench runner=%s rows=%d valid=%d quarantined=%d inserted=%d updated=%d unchanged=%d "
            + "seconds=%.1f rows_per_s=%.0f peak_heap_mb=%d max_heap_mb=%d%n",
        options.getRunner().getSimpleName(), rowsRead, summary.total("valid"), summary.total("quarantined"),
        summary.total("inserted"), summary.total("updated"), summary.total("unchanged"),
        seconds, rowsRead / seconds, peakHeap.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }

  /** Samples used heap every 50 ms; the peak includes garbage not yet collected, as a container would see it. */
  private static Thread startHeapSampler(AtomicLong peak) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    return sampler;
  }
}
