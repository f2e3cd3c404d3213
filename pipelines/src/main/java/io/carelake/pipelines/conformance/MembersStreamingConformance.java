package io.carelake.pipelines.conformance;

import io.carelake.pipelines.SampleLake;
import io.carelake.pipelines.members.MembersOptions;
import io.carelake.pipelines.members.MembersPipeline;
import io.carelake.schemas.Members;
import io.carelake.transforms.tables.ChangeFeed;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The members pipeline watching its landing zone while the sample rosters land in it, one file after
 * the other: day 1 in a first streaming run, day 2 (a later roster, a backfill older than what silver
 * holds, a second delivery of day-1 content, a name breaking the contract) in a second run started on
 * the same lake, as an operator restarting the job would. Each run ends on its own once no file has
 * landed for a while.
 *
 * <p>The runs use the run ids of {@link MembersConformance}'s batch runs, so the lakes of both must be
 * identical table by table, with two exceptions that follow from merging window by window instead of
 * run by run ({@link #COMPARABLE_WITH_BATCH}): when two files of one batch run deliver the same member
 * with the same values, the batch keeps the later file's lineage while streaming, having merged the
 * earlier file in an earlier window, finds the later row unchanged and keeps the earlier lineage; and
 * the files' inserted/updated/unchanged counts shift between them accordingly. Member values, every
 * other audit column, bronze, quarantine and alerts must match exactly.
 */
public final class MembersStreamingConformance {
  /** Time for the runner to start before the first roster lands, so latencies are not start-up times. */
  private static final Duration START_UP = Duration.ofSeconds(6);
  private static final Duration BETWEEN_FILES = Duration.ofMillis(1500);
  /** Longer than the start-up wait and the gaps between files, so a run ends only after its last file. */
  private static final Duration STOP_WHEN_IDLE = Duration.ofSeconds(15);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration POLL_SILVER = Duration.ofMillis(200);

  private MembersStreamingConformance() {}

  /** What may differ from the batch runs' lake, by table: see the class comment. */
  public static final Map<String, Set<String>> COMPARABLE_WITH_BATCH = Map.of(
      Lake.SILVER + "/" + MembersPipeline.NAME, lineageAndChangeColumns(),
      Lake.AUDIT + "/" + MembersPipeline.AUDIT_DATASET, Set.of("inserted", "updated", "unchanged"));

  /**
   * Silver's lineage, and the change columns of a row's last change: a key inserted and then updated by
   * two windows was inserted once by the batch run.
   */
  private static Set<String> lineageAndChangeColumns() {
    Set<String> columns = new java.util.HashSet<>(Members.LINEAGE_COLUMNS);
    columns.add(ChangeFeed.CHANGE_TYPE);
    columns.add(ChangeFeed.BEFORE_HASH);
    return Set.copyOf(columns);
  }

  /**
   * What a streaming conformance run left: the lake's tables, and per roster with changes for silver
   * the time from its landing to its rows being visible in silver.
   */
  public record Result(LakeDump dump, Map<String, Duration> landingToSilver) {}

  public static Result run(Path workDir, String... runnerArgs) throws Exception {
    Path root = Files.createDirectories(workDir);
    Path key = MembersConformance.writeTestKey(root);
    Lake lake = Lake.at(root.toString());
    Map<String, Instant> landedAt = new ConcurrentHashMap<>();
    Map<String, Duration> landingToSilver = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int day = 1; day <= SampleLake.LAST_DAY; day++) {
        List<String> rosters = new ArrayList<>();
        for (String sample : SampleLake.memberSamples(day)) {
          if (sample.endsWith(".yaml")) {
            // Client configurations are read when a run starts.
            SampleLake.deliverMemberSample(root, sample, MembersConformance.ROWS_PER_FILE);
          } else {
            rosters.add(sample);
          }
        }
        MembersOptions options = MembersConformance.options(root, key, day, List.of("--streaming=true",
            "--pollIntervalSeconds=1", "--windowSeconds=2", "--stopWhenIdleSeconds=" + STOP_WHEN_IDLE.toSeconds()),
            runnerArgs);
        Future<?> pipeline = threads.submit(() -> MembersPipeline.run(options).waitUntilFinish());
        Future<?> watcher = threads.submit(() -> watchSilver(lake, landedAt, landingToSilver, pipeline));
        Thread.sleep(START_UP.toMillis());
        for (String roster : rosters) {
          Thread.sleep(BETWEEN_FILES.toMillis());
          SampleLake.deliverMemberSample(root, roster, MembersConformance.ROWS_PER_FILE);
          landedAt.put(Path.of(roster).getFileName().toString(), Instant.now());
        }
        pipeline.get(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        watcher.get(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    return new Result(MembersConformance.dump(lake), Map.copyOf(landingToSilver));
  }

  /** Until the run ends, notes when each landed roster's first row shows in silver. */
  private static void watchSilver(Lake lake, Map<String, Instant> landedAt, Map<String, Duration> landingToSilver,
      Future<?> pipeline) {
    while (!pipeline.isDone()) {
      Instant now = Instant.now();
      for (String file : filesInSilver(lake)) {
        Instant landed = landedAt.get(file);
        if (landed != null) {
          landingToSilver.putIfAbsent(file, Duration.between(landed, now));
        }
      }
      try {
        Thread.sleep(POLL_SILVER.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Set<String> filesInSilver(Lake lake) {
    try {
      return TableRows.read(lake.silver(MembersPipeline.NAME), Members.SILVER).stream()
          .map(row -> row.getString(Members.SOURCE_FILE))
          .collect(Collectors.toSet());
    } catch (RuntimeException e) {
      // A read can race a maintenance of the table (a file planned, then expired); the next poll reads again.
      return Set.of();
    }
  }

  /** The latencies as text: file and seconds, by file name. */
  public static String describe(Map<String, Duration> latencies) {
    return latencies.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(entry -> entry.getKey() + " " + entry.getValue().toMillis() / 1000.0 + " s")
        .collect(Collectors.joining(", "));
  }
}
