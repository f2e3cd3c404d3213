package io.carelake.transforms.extract.tic;

/**
 * Receives what {@link InNetworkFileParser} reads, in file order, on the parsing thread. Rows and references
 * arrive separately and in whatever order the file has them; an element's rows arrive only once the whole
 * element has been read and found well formed.
 */
public interface InNetworkSink {
  void rate(NegotiatedRateRow row);

  void providerReference(ProviderReference reference);

  void badElement(BadElement bad);
}
