package io.carelake.transforms.extract.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class NppesQuerySplitsTest {
  private static List<String> values(List<Map<String, String>> queries, String name) {
    return queries.stream().map(q -> q.get(name)).collect(Collectors.toList());
  }

  @Test
  public void queryWithoutAPlaceSplitsByStateAndKeepsItsCriteria() {
    List<Map<String, String>> split = NppesQuerySplits.split(Map.of("taxonomy_description", "Dentist")).orElseThrow();

    assertThat(split, hasSize(NppesQuerySplits.STATES.size()));
    assertThat(split.get(0), is(Map.of("taxonomy_description", "Dentist", "state", "AL", "address_purpose", "PRIMARY")));
  }

  @Test
  public void stateSplitsByTwoDigitPostalPrefixThenGrowsADigitAtATime() {
    List<Map<String, String>> byPrefix = NppesQuerySplits.split(Map.of("state", "CA")).orElseThrow();
    assertThat(byPrefix, hasSize(100));
    assertThat(byPrefix.get(94).get("postal_code"), is("94*"));

    assertThat(values(NppesQuerySplits.split(Map.of("state", "CA", "postal_code", "94*")).orElseThrow(), "postal_code"),
        contains("940*", "941*", "942*", "943*", "944*", "945*", "946*", "947*", "948*", "949*"));
    assertThat(values(NppesQuerySplits.split(Map.of("state", "CA", "postal_code", "9411*")).orElseThrow(), "postal_code"),
        contains("94110", "94111", "94112", "94113", "94114", "94115", "94116", "94117", "94118", "94119"));
  }

  @Test
  public void fiveDigitPostalCodeCannotSplit() {
    assertThat(NppesQuerySplits.split(Map.of("state", "CA", "postal_code", "94110")).isPresent(), is(false));
  }

  @Test
  public void resultCountReadsEitherVintage() throws Exception {
    assertThat(NppesFetcher.resultCount(Fixtures.MAPPER.readTree(Fixtures.resource("nppes_2019_vintage.json"))), is(2));
    assertThat(NppesFetcher.resultCount(Fixtures.MAPPER.readTree(Fixtures.resource("nppes_2024_vintage.json"))), is(1));
    assertThat(NppesFetcher.resultCount(Fixtures.MAPPER.readTree("{\"result_count\":200,\"results\":[{}]}")), is(200));
  }
}
