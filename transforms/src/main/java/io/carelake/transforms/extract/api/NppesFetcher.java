package io.carelake.transforms.extract.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fetches an NPI Registry API v2.1 query page by page ({@code limit}, {@code skip}). The API returns at
 * most 200 results a page and skips at most 1,000, so a query sees at most 1,200 providers; a query that
 * fills the page at the last skip is cut into narrower ones ({@link NppesQuerySplits}) and its own pages
 * are dropped, since the narrower queries return the same providers. A query that cannot be cut lands
 * what it reached and is reported as truncated.
 *
 * <p>To learn early whether a query is capped, the page at the last skip is fetched right after a full
 * first page: a capped query costs two requests before it is split, not six.
 */
final class NppesFetcher implements SourceFetcher {
  static final String VERSION = "2.1";

  private final ApiClient client;
  private final String baseUrl;
  private final int pageSize;
  private final int maxSkip;

  NppesFetcher(ApiClient client, String baseUrl, int pageSize, int maxSkip) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.pageSize = pageSize;
    this.maxSkip = maxSkip;
  }

  @Override
  public List<String> fetch(Map<String, String> criteria, PageSink sink)
      throws SourceException, IOException, InterruptedException {
    List<String> warnings = new ArrayList<>();
    Deque<Map<String, String>> queries = new ArrayDeque<>();
    queries.push(new TreeMap<>(criteria));
    boolean original = true;
    while (!queries.isEmpty()) {
      Map<String, String> query = queries.pop();
      Optional<List<Map<String, String>>> narrower = NppesQuerySplits.split(query);
      QueryPages pages = fetchQuery(query, narrower.isEmpty());
      if (pages.capped && narrower.isPresent()) {
        List<Map<String, String>> children = narrower.get();
        for (int i = children.size() - 1; i >= 0; i--) {
          queries.push(children.get(i));
        }
      } else {
        if (pages.capped) {
          warnings.add(FetchWarning.TRUNCATED + ": a query on " + String.join(",", query.keySet())
              + " reached the API's cap of " + (maxSkip + pageSize) + " results and cannot be split further");
        }
        for (FetchedPage page : pages.pages) {
          // Empty pages of narrower queries say nothing; the original query's lone empty page says "none".
          if (resultCount(page.response().json()) > 0 || (original && pages.pages.size() == 1)) {
            sink.accept(page);
          }
        }
      }
      original = false;
    }
    return warnings;
  }

  private static final class QueryPages {
    final List<FetchedPage> pages = new ArrayList<>();
    boolean capped;
  }

  private QueryPages fetchQuery(Map<String, String> criteria, boolean fetchAllWhenCapped)
      throws SourceException, InterruptedException {
    QueryPages result = new QueryPages();
    FetchedPage first = page(criteria, 0);
    result.pages.add(first);
    if (resultCount(first.response().json()) < pageSize || maxSkip < pageSize) {
      result.capped = maxSkip < pageSize && resultCount(first.response().json()) >= pageSize;
      return result;
    }
    FetchedPage last = page(criteria, maxSkip);
    result.capped = resultCount(last.response().json()) >= pageSize;
    if (result.capped && !fetchAllWhenCapped) {
      return result;
    }
    for (int skip = pageSize; skip < maxSkip; skip += pageSize) {
      FetchedPage middle = page(criteria, skip);
      result.pages.add(middle);
      if (resultCount(middle.response().json()) < pageSize) {
        return result;
      }
    }
    result.pages.add(last);
    return result;
  }

  private FetchedPage page(Map<String, String> criteria, int skip) throws SourceException, InterruptedException {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("version", VERSION);
    query.putAll(criteria);
    query.put("limit", Integer.toString(pageSize));
    query.put("skip", Integer.toString(skip));
    ApiResponse response = client.get(QueryUrls.of(baseUrl, query));
    JsonNode json = response.json();
    if (json.has("Errors")) {
      throw SourceException.queryError(response.uri(), "Errors " + errorCodes(json.get("Errors")));
    }
    if (!json.isObject() || !json.path("results").isArray()) {
      throw SourceException.unexpectedResponse(response.uri(), "no results array");
    }
    return new FetchedPage(query, skip / pageSize + 1, response);
  }

  /**
   * The page's result count: the larger of {@code result_count} (an integer in older answers, possibly a
   * string in newer ones) and the length of {@code results}, so that a page claiming a full count is paged
   * past even when trimmed.
   */
  static int resultCount(JsonNode page) {
    JsonNode declared = page.path("result_count");
    int count = declared.isNumber() ? declared.asInt() : parseOrZero(declared.asText(""));
    return Math.max(count, page.path("results").size());
  }

  private static int parseOrZero(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Field names and error numbers only: the descriptions may echo query values. */
  private static String errorCodes(JsonNode errors) {
    List<String> codes = new ArrayList<>();
    for (JsonNode error : errors) {
      codes.add(error.path("field").asText("?") + "#" + error.path("number").asText("?"));
    }
    return String.join(", ", codes);
  }
}
