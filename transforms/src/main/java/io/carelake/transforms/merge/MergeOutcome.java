package io.carelake.transforms.merge;

import java.util.Locale;

/** What a merge did with one incoming row. */
public enum MergeOutcome {
  /** Its key was not in the table: the row was added. */
  INSERTED,
  /** It replaced the table's row of its key, which differed. */
  UPDATED,
  /** The table's row of its key already held the same values: the table row stays as it was. */
  UNCHANGED,
  /** The table's row of its key is newer (higher sequence): an older backfill never overwrites it. */
  STALE,
  /** A newer row of the same key arrived in the same batch and was merged instead. */
  SUPERSEDED,
  /** It deactivated its key: the key's current version ended at its sequence (SCD type 2). */
  ENDED;

  /** The lower-case name used in outcome counts and metrics, such as {@code inserted}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
