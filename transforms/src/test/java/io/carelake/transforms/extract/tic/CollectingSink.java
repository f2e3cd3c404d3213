package io.carelake.transforms.extract.tic;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a parse hands out, in order. */
final class CollectingSink implements InNetworkSink {
  final List<NegotiatedRateRow> rows = new ArrayList<>();
  final List<ProviderReference> references = new ArrayList<>();
  final List<BadElement> bad = new ArrayList<>();

  @Override
  public void rate(NegotiatedRateRow row) {
    rows.add(row);
  }

  @Override
  public void providerReference(ProviderReference reference) {
    references.add(reference);
  }

  @Override
  public void badElement(BadElement element) {
    bad.add(element);
  }
}
