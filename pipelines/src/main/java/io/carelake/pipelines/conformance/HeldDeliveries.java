package io.carelake.pipelines.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sample files held out of a landing zone until their delivery's run: landed all at once before a batch run,
 * or one after the other while a streaming run watches the zone. A file lands in one rename, so a watching
 * run never sees it half written.
 */
final class HeldDeliveries {
  /** Time for the runner to start before the first file lands. */
  private static final Duration START_UP = Duration.ofSeconds(6);
  /** Files this far apart may land in one window of {@link #STREAMING_ARGS}. */
  static final Duration BETWEEN_FILES = Duration.ofMillis(1500);
  /** Longer than a window and a listing: files this far apart are merged in windows of their own. */
  static final Duration WINDOWS_APART = Duration.ofMillis(3500);
  /** Longer than the start-up wait and the gaps between files, so a run ends only after its last file. */
  private static final Duration STOP_WHEN_IDLE = Duration.ofSeconds(15);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

  /** The options of a streaming run that watches closely and ends on its own once the files have landed. */
  static final List<String> STREAMING_ARGS = List.of("--streaming=true", "--pollIntervalSeconds=1",
      "--windowSeconds=2", "--stopWhenIdleSeconds=" + STOP_WHEN_IDLE.toSeconds());

  private final List<List<Path>> deliveries;

  private HeldDeliveries(List<List<Path>> deliveries) {
    this.deliveries = deliveries;
  }

  /** Moves every file of {@code deliveries} into {@code held}, where they wait for their turn. */
  static HeldDeliveries holding(List<List<Path>> deliveries, Path held) throws IOException {
    Files.createDirectories(held);
    List<List<Path>> waiting = new ArrayList<>();
    for (List<Path> delivery : deliveries) {
      List<Path> files = new ArrayList<>();
      for (Path file : delivery) {
        files.add(Files.move(file, held.resolve(file.getFileName())));
      }
      waiting.add(List.copyOf(files));
    }
    return new HeldDeliveries(List.copyOf(waiting));
  }

  int count() {
    return deliveries.size();
  }

  /** Lands every file of a delivery (counted from 0), for a batch run. */
  void landAll(int delivery, Path landing) throws IOException {
    for (Path file : deliveries.get(delivery)) {
      land(file, landing);
    }
  }

  /**
   * Starts {@code run} (a streaming run with {@link #STREAMING_ARGS}, waiting until it ends), lands the
   * delivery's files one by one, {@code between} apart, while it watches, and waits for it to end.
   */
  void landWhileWatching(int delivery, Path landing, Duration between, Callable<?> run) throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<?> pipeline = thread.submit(run);
      Thread.sleep(START_UP.toMillis());
      for (Path file : deliveries.get(delivery)) {
        Thread.sleep(between.toMillis());
        land(file, landing);
      }
      pipeline.get(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      thread.shutdownNow();
    }
  }

  private static void land(Path file, Path landing) throws IOException {
    Files.move(file, landing.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
  }
}
