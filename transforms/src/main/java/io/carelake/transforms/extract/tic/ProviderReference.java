package io.carelake.transforms.extract.tic;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One entry of the file's top-level {@code provider_references}: the provider groups behind an id, given
 * inline or as the {@link #location()} of a provider-reference file to fetch.
 */
@AutoValue
public abstract class ProviderReference {
  public abstract long elementIndex();

  public abstract long byteOffset();

  /** Normalised (see {@link ProviderGroupIds}). */
  public abstract String providerGroupId();

  /** Schema 2.x; empty in 1.x files. */
  public abstract List<String> networkNames();

  public abstract List<ProviderGroup> providerGroups();

  /** URL of a provider-reference file holding the groups (schema 1.x), or null. */
  public abstract @Nullable String location();

  static ProviderReference of(long elementIndex, long byteOffset, String providerGroupId, List<String> networkNames,
      List<ProviderGroup> providerGroups, @Nullable String location) {
    return new AutoValue_ProviderReference(elementIndex, byteOffset, providerGroupId, networkNames, providerGroups,
        location);
  }
}
