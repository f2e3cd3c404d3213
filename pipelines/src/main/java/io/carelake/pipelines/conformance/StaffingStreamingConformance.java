package io.carelake.pipelines.conformance;

import io.carelake.pipelines.staffing.StaffingGenerator;
import io.carelake.pipelines.staffing.StaffingOptions;
import io.carelake.pipelines.staffing.StaffingPipeline;
import io.carelake.transforms.tables.Lake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The staffing pipeline watching its landing zone while {@link StaffingConformance}'s files land in it one
 * after the other: the first PBJ delivery and Provider Info in a first streaming run, the PBJ resend in a
 * second run started on the same lake. Each run ends on its own once no file has landed for a while. With
 * the batch runs' run ids, the lake must be the batch runs' lake: every file is merged in a window of its
 * own or with files of the other dataset, gold is rebuilt from the whole of silver after each window, and
 * so the last window's gold is the batch run's.
 */
public final class StaffingStreamingConformance {
  /** Time for the runner to start before the first file lands. */
  private static final Duration START_UP = Duration.ofSeconds(6);
  private static final Duration BETWEEN_FILES = Duration.ofMillis(1500);
  /** Longer than the start-up wait and the gaps between files, so a run ends only after its last file. */
  private static final Duration STOP_WHEN_IDLE = Duration.ofSeconds(15);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

  private StaffingStreamingConformance() {}

  public static LakeDump run(Path workDir, String... runnerArgs) throws Exception {
    Path root = Files.createDirectories(workDir);
    StaffingGenerator.samples(root);
    Path landing = root.resolve("landing").resolve(StaffingPipeline.NAME);
    Path held = Files.createDirectories(root.resolve("held"));
    StaffingConformance.Deliveries deliveries = StaffingConformance.deliveries(landing);
    List<Path> firstRun = hold(deliveries.first(), held);
    List<Path> secondRun = hold(deliveries.resends(), held);
    ExecutorService threads = Executors.newSingleThreadExecutor();
    try {
      runWhileLanding(root, landing, firstRun, "conformance-run-1", threads, runnerArgs);
      runWhileLanding(root, landing, secondRun, "conformance-run-2", threads, runnerArgs);
    } finally {
      threads.shutdownNow();
    }
    return StaffingConformance.dump(Lake.at(root.toString()));
  }

  private static void runWhileLanding(Path root, Path landing, List<Path> files, String runId, ExecutorService threads,
      String... runnerArgs) throws Exception {
    StaffingOptions options = StaffingConformance.options(root, runId, List.of("--streaming=true",
        "--pollIntervalSeconds=1", "--windowSeconds=2", "--stopWhenIdleSeconds=" + STOP_WHEN_IDLE.toSeconds()),
        runnerArgs);
    Future<?> pipeline = threads.submit(() -> StaffingPipeline.run(options).waitUntilFinish());
    Thread.sleep(START_UP.toMillis());
    for (Path file : files) {
      Thread.sleep(BETWEEN_FILES.toMillis());
      land(file, landing);
    }
    pipeline.get(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Moves {@code files} out of the landing zone until their turn; where they wait. */
  private static List<Path> hold(List<Path> files, Path held) throws IOException {
    List<Path> waiting = new ArrayList<>();
    for (Path file : files) {
      waiting.add(Files.move(file, held.resolve(file.getFileName())));
    }
    return waiting;
  }

  /** Moves a held file into the landing zone in one step, so the watcher never sees it half written. */
  private static void land(Path file, Path landing) throws IOException {
    Files.move(file, landing.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
  }
}
