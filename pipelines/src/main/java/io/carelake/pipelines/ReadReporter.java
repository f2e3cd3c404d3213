package io.carelake.pipelines;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.transforms.quality.FileTally;
import io.carelake.transforms.tables.TableFiles;
import io.carelake.transforms.tables.TableSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a read step does besides its rows, for one bundle: it writes bronze and quarantine rows into their
 * tables' files, counts records per file and notes unreadable files, per window, and at the end of the
 * bundle puts out one {@link ReadReport} per window. Open one in {@code @StartBundle}, finish it in
 * {@code @FinishBundle}, close it in {@code @Teardown} if a failed bundle left it open.
 */
public final class ReadReporter {
  private final TableSink.BundleWriter bronze;
  private final TableSink.BundleWriter quarantine;
  private final Map<BoundedWindow, WindowState> windows = new LinkedHashMap<>();

  private ReadReporter(TableSink bronze, TableSink quarantine) {
    this.bronze = bronze.openBundle();
    this.quarantine = quarantine.openBundle();
  }

  public static ReadReporter open(TableSink bronze, TableSink quarantine) {
    return new ReadReporter(bronze, quarantine);
  }

  public void bronze(Row row, BoundedWindow window) {
    bronze.write(row, window);
  }

  public void quarantine(Row row, BoundedWindow window) {
    quarantine.write(row, window);
  }

  /** Adds {@code count} records of {@code file} to {@code tally} ({@link FileTally}); zero counts are left out. */
  public void count(BoundedWindow window, String file, String tally, long count) {
    if (count > 0) {
      windows.computeIfAbsent(window, w -> new WindowState()).counts.merge(KV.of(file, tally), count, Long::sum);
    }
  }

  /**
   * What reading (a split of) {@code file} came to: its records read and quarantined, and why it could not be
   * read to its end (null when it was), which fails the file in the audit.
   */
  public void fileRead(BoundedWindow window, LandingFile file, long read, long quarantined, @Nullable String problem) {
    count(window, file.getName(), FileTally.READ, read);
    count(window, file.getName(), FileTally.QUARANTINED, quarantined);
    if (problem != null) {
      problem(window, FileProblem.failed(file, problem));
    }
  }

  public void problem(BoundedWindow window, FileProblem problem) {
    windows.computeIfAbsent(window, w -> new WindowState()).problems.add(problem);
  }

  /** Closes the bundle's files and puts out, in each window the bundle had records in, its report. */
  public void finish(DoFn<?, ?>.FinishBundleContext context, TupleTag<ReadReport> reports) {
    Map<BoundedWindow, List<TableFiles>> bronzeWritten = byWindow(bronze.finish());
    Map<BoundedWindow, List<TableFiles>> quarantineWritten = byWindow(quarantine.finish());
    Set<BoundedWindow> all = new LinkedHashSet<>(windows.keySet());
    all.addAll(bronzeWritten.keySet());
    all.addAll(quarantineWritten.keySet());
    for (BoundedWindow window : all) {
      WindowState state = windows.getOrDefault(window, new WindowState());
      context.output(reports, new ReadReport(bronzeWritten.getOrDefault(window, List.of()),
          quarantineWritten.getOrDefault(window, List.of()), state.tallies(), state.problems),
          window.maxTimestamp(), window);
    }
  }

  /** Abandons the files of a bundle that failed. */
  public void close() {
    bronze.close();
    quarantine.close();
  }

  private static Map<BoundedWindow, List<TableFiles>> byWindow(List<KV<BoundedWindow, TableFiles>> written) {
    Map<BoundedWindow, List<TableFiles>> byWindow = new HashMap<>();
    written.forEach(files -> byWindow.computeIfAbsent(files.getKey(), w -> new ArrayList<>()).add(files.getValue()));
    return byWindow;
  }

  /** Counts and problems of one window of a bundle. */
  private static final class WindowState {
    private final Map<KV<String, String>, Long> counts = new LinkedHashMap<>();
    private final List<FileProblem> problems = new ArrayList<>();

    List<KV<String, KV<String, Long>>> tallies() {
      List<KV<String, KV<String, Long>>> tallies = new ArrayList<>();
      counts.forEach((fileTally, count) -> tallies.add(FileTally.of(fileTally.getKey(), fileTally.getValue(), count)));
      return tallies;
    }
  }
}
