package io.carelake.transforms.extract.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Fetches every page of one request from one source, splitting queries past the source's result cap. */
interface SourceFetcher {
  /**
   * Hands the pages to keep to the sink, in order, and returns warnings (such as a truncation) for a
   * request that landed but is incomplete.
   */
  List<String> fetch(Map<String, String> criteria, PageSink sink)
      throws SourceException, IOException, InterruptedException;
}
