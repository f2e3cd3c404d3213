package io.carelake.pipelines;

import io.carelake.pipelines.members.MembersOptions;
import io.carelake.pipelines.members.MembersPipeline;
import io.carelake.pipelines.members.MembersSummary;
import io.carelake.transforms.tables.Lake;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The members benchmark, and the framework's tax: generates rosters (not timed), runs the plain Java
 * reference ({@link PlainJavaMembers}) on them in a JVM of its own with the same heap limit, then the
 * members pipeline with this jar's runner; checks that both found the same members and quarantined the
 * same rows, and prints both and the ratio of their wall times (pipeline / reference: below 1, the
 * pipeline is faster). The lake is a local folder. {@code --reference=false} skips the reference;
 * {@code --referenceHeap=20g} gives it another heap limit (it holds every member at once, the pipeline
 * does not: at 10M rows it needs several times the pipeline's heap).
 */
final class Bench {
  static final List<String> OPTIONS = List.of("lake", "rows", "clients", "files", "badFraction", "seed", "reference",
      "referenceHeap");

  private Bench() {}

  static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv, OPTIONS);
    Path lake = args.get("lake", "").isEmpty() ? Files.createTempDirectory("carelake-bench")
        : LocalLake.folder("bench", args.get("lake", ""));
    Generate.write(args, lake);
    Path key = LocalLake.writeTokenKey(lake);
    Path config = lake.resolve("config/members");

    Map<String, String> reference = Boolean.parseBoolean(args.get("reference", "true"))
        ? runReference(args.get("referenceHeap", (Runtime.getRuntime().maxMemory() >> 20) + "m"), PlainJavaMembers.class,
            lake.resolve("landing/members").toString(), config.toString(), key.toString(),
            lake.resolve("reference-members.parquet").toString())
        : Map.of();

    List<String> pipelineArgs = new ArrayList<>(List.of(
        "--lake=" + lake, "--clientConfigDir=" + config, "--tokenKeyRef=" + key));
    pipelineArgs.addAll(args.passOn());
    MembersOptions options = PipelineOptionsFactory.fromArgs(pipelineArgs.toArray(String[]::new))
        .withValidation().as(MembersOptions.class);
    AtomicLong peakHeap = new AtomicLong();
    Thread sampler = startHeapSampler(peakHeap);
    double cpuStart = processCpuSeconds();
    long start = System.nanoTime();
    MembersPipeline.run(options).waitUntilFinish();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = processCpuSeconds() - cpuStart;
    sampler.interrupt();

    MembersSummary summary = MembersSummary.of(Lake.at(lake.toString()), options.getRunId());
    long rowsRead = summary.total("rows_read");
    System.out.printf("bench runner=%s rows=%d valid=%d quarantined=%d inserted=%d updated=%d unchanged=%d "
            + "seconds=%.1f rows_per_s=%.0f cpu_s=%.1f peak_heap_mb=%d max_heap_mb=%d%n",
        options.getRunner().getSimpleName(), rowsRead, summary.total("valid"), summary.total("quarantined"),
        summary.total("inserted"), summary.total("updated"), summary.total("unchanged"),
        seconds, rowsRead / seconds, cpu, peakHeap.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    if (!reference.isEmpty()) {
      // A fresh lake: every member the pipeline kept was inserted.
      boolean same = Long.parseLong(reference.get("members")) == summary.total("inserted")
          && Long.parseLong(reference.get("quarantined")) == summary.total("quarantined")
          && Long.parseLong(reference.get("rows")) == rowsRead;
      System.out.printf("bench ratio=%.2f (pipeline %.1f s / reference %s s) counts=%s%n",
          seconds / Double.parseDouble(reference.get("seconds")), seconds, reference.get("seconds"),
          same ? "same" : "DIFFERENT");
      if (!same) {
        System.exit(1);
      }
    }
  }

  /**
   * Runs a reference program ({@code program}'s main with {@code args}) in a JVM of its own with the given heap
   * limit; the figures of its {@code reference name=value ...} line by name.
   */
  static Map<String, String> runReference(String heap, Class<?> program, String... args)
      throws IOException, InterruptedException {
    if (!heap.matches("[0-9]+[kmgKMG]?")) {
      throw new IllegalArgumentException("--referenceHeap: a size such as 20g, got " + heap);
    }
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), program.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String line;
    String result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      while ((line = out.readLine()) != null) {
        if (line.startsWith("reference ")) {
          result = line;
          System.out.println(line);
        }
      }
    }
    if (process.waitFor() != 0 || result == null) {
      throw new IllegalStateException("the reference program failed (exit " + process.exitValue() + ")");
    }
    Map<String, String> figures = new LinkedHashMap<>();
    for (String pair : result.substring("reference ".length()).split(" ")) {
      figures.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return figures;
  }

  /** CPU time this JVM has used so far, in seconds: on a shared machine, what a run cost beside its wall time. */
  static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
        / 1e9;
  }

  /** Samples used heap every 50 ms; the peak includes garbage not yet collected, as a container would see it. */
  static Thread startHeapSampler(AtomicLong peak) {
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
