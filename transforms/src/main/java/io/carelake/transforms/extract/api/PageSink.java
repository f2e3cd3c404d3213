package io.carelake.transforms.extract.api;

import java.io.IOException;

/** Where a fetcher hands the pages it keeps, in landing order. */
@FunctionalInterface
interface PageSink {
  void accept(FetchedPage page) throws IOException;
}
