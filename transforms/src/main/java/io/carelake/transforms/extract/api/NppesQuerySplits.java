package io.carelake.transforms.extract.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an NPI Registry query that reaches the API's 1,200-result cap is cut into narrower queries whose
 * union is the same providers: a query without a place becomes one query per state or territory; a query
 * with a state but no postal code becomes one per two-digit postal prefix ({@code 94*}: the API accepts
 * a trailing wildcard after at least two characters); a postal prefix grows one digit at a time up to a
 * full five-digit code, which also matches that code's ZIP+4s. A five-digit code cannot be cut further.
 *
 * <p>Without {@code address_purpose} the API matches a place against the mailing address or any practice
 * location, so one provider would come back from several narrower queries; the narrower queries therefore
 * ask for {@code address_purpose=PRIMARY} (unless the query chose one), which matches each provider by its
 * one primary practice location and makes them a partition. A provider whose primary location is outside
 * the states and territories listed here is not reached by a query cut by state.
 */
final class NppesQuerySplits {
  static final String STATE = "state";
  static final String POSTAL_CODE = "postal_code";
  static final String ADDRESS_PURPOSE = "address_purpose";
  static final String PRIMARY = "PRIMARY";

  // The 50 states, DC, the inhabited territories, the freely associated states and the military "states".
  static final List<String> STATES = List.of(
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
      "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
      "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
      "AS", "GU", "MP", "PR", "VI", "FM", "MH", "PW", "AA", "AE", "AP");

  private static final Pattern POSTAL_PREFIX = Pattern.compile("(\\d{2,4})\\*");

  private NppesQuerySplits() {}

  /** The narrower queries, or empty when this query cannot be cut further. */
  static Optional<List<Map<String, String>>> split(Map<String, String> criteria) {
    String postalCode = criteria.get(POSTAL_CODE);
    if (postalCode == null) {
      if (!criteria.containsKey(STATE)) {
        return Optional.of(each(criteria, STATE, STATES));
      }
      List<String> prefixes = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        prefixes.add(String.format("%02d*", i));
      }
      return Optional.of(each(criteria, POSTAL_CODE, prefixes));
    }
    Matcher prefix = POSTAL_PREFIX.matcher(postalCode);
    if (!prefix.matches()) {
      return Optional.empty();
    }
    String digits = prefix.group(1);
    String wildcard = digits.length() == 4 ? "" : "*";
    List<String> longer = new ArrayList<>();
    for (int d = 0; d <= 9; d++) {
      longer.add(digits + d + wildcard);
    }
    return Optional.of(each(criteria, POSTAL_CODE, longer));
  }

  private static List<Map<String, String>> each(Map<String, String> criteria, String name, List<String> values) {
    List<Map<String, String>> queries = new ArrayList<>(values.size());
    for (String value : values) {
      Map<String, String> narrower = new TreeMap<>(criteria);
      narrower.put(name, value);
      narrower.putIfAbsent(ADDRESS_PURPOSE, PRIMARY);
      queries.add(narrower);
    }
    return queries;
  }
}
