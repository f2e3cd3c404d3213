package io.carelake.transforms.quality;

import io.carelake.transforms.merge.MergeOutcome;
import java.util.List;
import org.apache.beam.sdk.values.KV;

/**
 * What happened to records of a file, as (file name, (tally, count)). Stages count their records per file
 * as they go and emit the counts once per bundle; {@link AssembleFileAudit} sums them into the file's
 * audit row. No element per record crosses a step.
 */
public final class FileTally {
  /** A record was read from the file (it parsed into fields, or it is a parse failure). */
  public static final String READ = "read";
  /** A record passed every check and reached its output table. */
  public static final String VALID = "valid";
  public static final String QUARANTINED = "quarantined";
  public static final String INSERTED = "inserted";
  public static final String UPDATED = "updated";
  /** Valid, but the table did not change: identical, an older backfill, or superseded in the batch. */
  public static final String UNCHANGED = "unchanged";

  private FileTally() {}

  public static KV<String, KV<String, Long>> of(String fileName, String tally, long count) {
    return KV.of(fileName, KV.of(tally, count));
  }

  /**
   * A merge's outcomes of a file's rows as the audit counts them: each merged row is valid, and inserted,
   * updated or unchanged (stale backfills and superseded duplicates change nothing).
   *
   * @param outcome (file name, (merge outcome label, count)), as a merge puts them out
   */
  public static List<KV<String, KV<String, Long>>> ofMergeOutcome(KV<String, KV<String, Long>> outcome) {
    String label = outcome.getValue().getKey();
    String tally = MergeOutcome.INSERTED.label().equals(label) ? INSERTED
        : MergeOutcome.UPDATED.label().equals(label) || MergeOutcome.ENDED.label().equals(label) ? UPDATED
        : UNCHANGED;
    long count = outcome.getValue().getValue();
    return List.of(of(outcome.getKey(), VALID, count), of(outcome.getKey(), tally, count));
  }
}
