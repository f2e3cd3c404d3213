package io.carelake.transforms.extract.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fetches a search of the NLM Clinical Table Search Service ({@code [total, codes, extra, display]})
 * page by page with {@code count} and {@code offset}. The service reaches only the first 10,000 matches
 * of a search; a search whose total reaches that is refined instead: its {@code terms} gain one more
 * character (a code prefix {@code E1} becomes {@code E10} ... {@code E19}, {@code E1A} ... {@code E1Z}
 * and, for dotted ICD-10-CM codes, {@code E1.}), each a narrower prefix search. Terms are refined up to
 * {@code maxTermsLength} characters; past that, the reachable pages land and the file is reported as
 * truncated.
 *
 * <p>Prefix refinement misses a match whose matched word is exactly the refined term (no such ICD-10-CM
 * or HCPCS code exists: codes are longer than their categories), and a code matched through both its
 * code and a word of its name can land under two refinements; readers key rows by code.
 */
final class ClinicalTablesFetcher implements SourceFetcher {
  static final String TERMS = "terms";
  private static final String LETTERS_AND_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final ApiClient client;
  private final String baseUrl;
  private final Map<String, String> defaults;
  private final String refinements;
  private final int pageSize;
  private final int maxReachable;
  private final int maxTermsLength;

  private ClinicalTablesFetcher(ApiClient client, String baseUrl, Map<String, String> defaults,
      String refinements, int pageSize, int maxReachable, int maxTermsLength) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.defaults = defaults;
    this.refinements = refinements;
    this.pageSize = pageSize;
    this.maxReachable = maxReachable;
    this.maxTermsLength = maxTermsLength;
  }

  /** ICD-10-CM: searched and displayed by code and name; codes are dotted ({@code E11.9}). */
  static ClinicalTablesFetcher icd10cm(ApiClient client, String baseUrl, int pageSize, int maxReachable) {
    return new ClinicalTablesFetcher(client, baseUrl, Map.of("sf", "code,name", "df", "code,name"),
        LETTERS_AND_DIGITS + ".", pageSize, maxReachable, 8);
  }

  /** HCPCS Level II: five-character codes; the descriptions and dates come as extra fields. */
  static ClinicalTablesFetcher hcpcs(ApiClient client, String baseUrl, int pageSize, int maxReachable) {
    return new ClinicalTablesFetcher(client, baseUrl,
        Map.of("ef", "short_desc,long_desc,add_dt,act_eff_dt,term_dt,obsolete,is_noc"),
        LETTERS_AND_DIGITS, pageSize, maxReachable, 5);
  }

  @Override
  public List<String> fetch(Map<String, String> criteria, PageSink sink)
      throws SourceException, IOException, InterruptedException {
    String terms = criteria.get(TERMS);
    if (terms == null || terms.isBlank()) {
      throw SourceException.queryError("terms is required by the clinical tables search");
    }
    Map<String, String> search = new TreeMap<>(defaults);
    search.putAll(criteria);
    List<String> warnings = new ArrayList<>();
    Deque<Map<String, String>> searches = new ArrayDeque<>();
    searches.push(search);
    boolean original = true;
    while (!searches.isEmpty()) {
      Map<String, String> current = searches.pop();
      FetchedPage first = page(current, 0);
      int total = first.response().json().get(0).asInt();
      int reachable = total;
      if (total >= maxReachable) {
        String currentTerms = current.get(TERMS);
        if (currentTerms.length() < maxTermsLength) {
          for (int i = refinements.length() - 1; i >= 0; i--) {
            Map<String, String> narrower = new TreeMap<>(current);
            narrower.put(TERMS, currentTerms + refinements.charAt(i));
            searches.push(narrower);
          }
          original = false;
          continue;
        }
        reachable = maxReachable;
        warnings.add(FetchWarning.TRUNCATED + ": a search of " + total + " matches reaches only the first "
            + maxReachable + " and its terms cannot be refined past " + maxTermsLength + " characters");
      }
      if (codes(first) > 0 || original) {
        sink.accept(first);
      }
      for (int offset = pageSize; offset < reachable; offset += pageSize) {
        FetchedPage next = page(current, offset);
        if (codes(next) == 0) {
          break;
        }
        sink.accept(next);
      }
      original = false;
    }
    return warnings;
  }

  private FetchedPage page(Map<String, String> search, int offset) throws SourceException, InterruptedException {
    Map<String, String> query = new LinkedHashMap<>(search);
    query.put("count", Integer.toString(Math.min(pageSize, maxReachable - offset)));
    query.put("offset", Integer.toString(offset));
    ApiResponse response = client.get(QueryUrls.of(baseUrl, query));
    JsonNode json = response.json();
    if (!json.isArray() || json.size() < 4 || !json.get(0).isNumber() || !json.get(1).isArray()) {
      throw SourceException.unexpectedResponse(response.uri(), "expected [total, codes, extra, display]");
    }
    return new FetchedPage(query, offset / pageSize + 1, response);
  }

  private static int codes(FetchedPage page) {
    return page.response().json().get(1).size();
  }
}
