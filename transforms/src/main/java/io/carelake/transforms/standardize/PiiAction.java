package io.carelake.transforms.standardize;

/** What a {@link PiiPolicy} does to the value of one column. A null value stays null under every action. */
public enum PiiAction {
  /** The value as it is. */
  KEEP,
  /** A keyed, deterministic token of the value (see {@link Tokenizer}): joins still work, values do not show. */
  TOKEN,
  /** Only the last 4 characters, the rest as {@code *}; a value of 4 characters or fewer is all {@code *}. */
  MASK,
  /** Null. */
  DROP,
  /** A coarser value; only for the columns {@link PiiPolicy} knows how to generalise. */
  GENERALIZE
}
