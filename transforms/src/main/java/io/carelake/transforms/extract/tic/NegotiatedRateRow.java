package io.carelake.transforms.extract.tic;

import com.google.auto.value.AutoValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One negotiated price for one provider group: an {@code in_network} item x {@code negotiated_rates} entry x
 * {@code negotiated_prices} entry x provider group. The group is either written inline
 * ({@link #providerGroup()}) or named by a {@code provider_references} id ({@link #providerGroupId()}), to be
 * joined with the file's provider references by (file, provider_group_id). Item and price objects are shared
 * between the rows they produce.
 */
@AutoValue
public abstract class NegotiatedRateRow {
  public abstract InNetworkItem item();

  /** Position of the {@code negotiated_rates} entry within the item, from 0. */
  public abstract int rateIndex();

  public abstract NegotiatedPrice price();

  /** The inline provider group, or null when the row names a provider reference. */
  public abstract @Nullable ProviderGroup providerGroup();

  /** The normalised provider reference id (see {@link ProviderGroupIds}), or null for an inline group. */
  public abstract @Nullable String providerGroupId();

  static NegotiatedRateRow inline(InNetworkItem item, int rateIndex, NegotiatedPrice price, ProviderGroup group) {
    return new AutoValue_NegotiatedRateRow(item, rateIndex, price, group, null);
  }

  static NegotiatedRateRow referenced(InNetworkItem item, int rateIndex, NegotiatedPrice price, String groupId) {
    return new AutoValue_NegotiatedRateRow(item, rateIndex, price, null, groupId);
  }
}
