package io.carelake.transforms.extract.tic;

import com.google.auto.value.AutoValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What one pass over a file produced. The counts reconcile: {@code inNetworkElements = inNetworkElementsEmitted
 * + inNetworkBadElements}, and likewise for provider references; {@code rateRows} is the sum of the rows of the
 * emitted elements. When {@link #fileError()} is set the counts say what was emitted before the damage.
 */
@AutoValue
public abstract class ParseSummary {
  /** The header fields seen, wherever they were in the file (before the damage, if any). */
  public abstract FileHeader header();

  /** {@code in_network} elements met, whole: emitted ones plus bad ones. */
  public abstract long inNetworkElements();

  public abstract long inNetworkBadElements();

  public abstract long rateRows();

  public abstract long providerReferences();

  public abstract long providerReferenceBadElements();

  /** Uncompressed bytes read. */
  public abstract long bytesRead();

  public abstract @Nullable FileError fileError();

  public long inNetworkElementsEmitted() {
    return inNetworkElements() - inNetworkBadElements();
  }

  public long providerReferencesEmitted() {
    return providerReferences() - providerReferenceBadElements();
  }

  public boolean complete() {
    return fileError() == null;
  }

  static ParseSummary of(FileHeader header, long inNetworkElements, long inNetworkBadElements, long rateRows,
      long providerReferences, long providerReferenceBadElements, long bytesRead, @Nullable FileError fileError) {
    return new AutoValue_ParseSummary(header, inNetworkElements, inNetworkBadElements, rateRows, providerReferences,
        providerReferenceBadElements, bytesRead, fileError);
  }
}
