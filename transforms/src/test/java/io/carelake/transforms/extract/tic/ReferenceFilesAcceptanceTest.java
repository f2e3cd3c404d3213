package io.carelake.transforms.extract.tic;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assume.assumeTrue;

import io.carelake.transforms.extract.tic.BadElement.Section;
import io.carelake.transforms.extract.tic.FileError.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Every CMS example and every real payer file in the shared reference data: each reads to the end or to a
 * file-level error, never an exception, and its counts reconcile and match those of an independent whole-file
 * read (done once with Python's json module and written here). Skips when the reference data is absent.
 */
@RunWith(JUnit4.class)
public class ReferenceFilesAcceptanceTest {
  /** Elements, bad elements, rows, references, bad references; or the file-level error expected. */
  private static final class Expected {
    final long elements;
    final long badElements;
    final long rows;
    final long references;
    final long badReferences;
    final @Nullable Kind error;

    Expected(long elements, long badElements, long rows, long references, long badReferences, @Nullable Kind error) {
      this.elements = elements;
      this.badElements = badElements;
      this.rows = rows;
      this.references = references;
      this.badReferences = badReferences;
      this.error = error;
    }
  }

  private static Expected read(long elements, long rows, long references) {
    return new Expected(elements, 0, rows, references, 0, null);
  }

  private static Expected notInNetwork() {
    return new Expected(0, 0, 0, 0, 0, Kind.NOT_IN_NETWORK_FILE);
  }

  private static final Map<String, Expected> EXPECTED = new HashMap<>();

  static {
    String v1 = "tic_cms_guide/v1.6.2/examples/";
    String v2 = "tic_cms_guide/v2.2.0/examples/";
    String old = "tic_cms_guide/historical/";
    for (String allowed : List.of("allowed-amounts-multiple-plan-empty-sample.json",
        "allowed-amounts-multiple-plan-sample.json", "allowed-amounts-single-plan-empty-sample.json",
        "allowed-amounts-single-plan-sample.json", "multiplan-empty-example.json")) {
      EXPECTED.put(v1 + "allowed-amounts/" + allowed, notInNetwork());
    }
    EXPECTED.put(v1 + "in-network-rates/in-network-rates-bundle-single-plan-sample.json", read(1, 3, 0));
    EXPECTED.put(v1 + "in-network-rates/in-network-rates-capitation-single-plan-sample.json", read(1, 3, 0));
    EXPECTED.put(v1 + "in-network-rates/in-network-rates-fee-for-service-single-plan-sample.json", read(2, 7, 2));
    EXPECTED.put(v1 + "in-network-rates/in-network-rates-multiple-plans-sample.json", read(2, 9, 0));
    EXPECTED.put(v1 + "in-network-rates/in-network-rates-no-npi.json", read(1, 1, 0));
    EXPECTED.put(v1 + "provider-reference/provider-reference.json", notInNetwork());
    EXPECTED.put(v1 + "table-of-contents/table-of-contents-sample.json", notInNetwork());
    EXPECTED.put(v2 + "allowed-amounts/allowed-amounts-multiple-plan-sample.json", notInNetwork());
    EXPECTED.put(v2 + "allowed-amounts/allowed-amounts-single-plan-sample.json", notInNetwork());
    EXPECTED.put(v2 + "in-network-rates/in-network-rates-all-negotiated-types-sample.json", read(6, 10, 2));
    EXPECTED.put(v2 + "in-network-rates/in-network-rates-bundle-single-plan-sample.json", read(1, 2, 2));
    EXPECTED.put(v2 + "in-network-rates/in-network-rates-capitation-single-plan-sample.json", read(1, 2, 2));
    EXPECTED.put(v2 + "in-network-rates/in-network-rates-fee-for-service-single-plan-sample.json", read(2, 5, 2));
    EXPECTED.put(v2 + "in-network-rates/in-network-rates-multiple-plans-sample.json", read(2, 6, 2));
    EXPECTED.put(v2 + "in-network-rates/in-network-rates-no-npi.json", read(1, 1, 1));
    EXPECTED.put(v2 + "table-of-contents/table-of-contents-sample.json", notInNetwork());
    EXPECTED.put("tic_cms_guide/validator-test-files/allowed-amounts-error.json", notInNetwork());
    EXPECTED.put("tic_cms_guide/validator-test-files/allowed-amounts.json", notInNetwork());
    EXPECTED.put("tic_cms_guide/validator-test-files/in-network-rates-fee-for-service-sample.json", read(2, 8, 0));
    EXPECTED.put(old + "allowed-amounts-empty.json", notInNetwork());
    EXPECTED.put(old + "allowed-amounts.json", notInNetwork());
    EXPECTED.put(old + "in-network-rates-bundle-sample.json", read(1, 3, 0));
    EXPECTED.put(old + "in-network-rates-capitation-sample.json", read(1, 3, 0));
    EXPECTED.put(old + "in-network-rates-fee-for-service-sample.json", read(2, 7, 2));
    EXPECTED.put(old + "in-network-rates-fee-for-service-provider-reference-sample.json",
        new Expected(0, 0, 0, 0, 0, Kind.TRUNCATED));
    EXPECTED.put(old + "table-of-contents-sample-ein.json", new Expected(0, 0, 0, 0, 0, Kind.CORRUPT));
    EXPECTED.put(old + "multiplan-example", notInNetwork());
    EXPECTED.put(old + "prescription-drugs.json", notInNetwork());
    EXPECTED.put(old + "table-of-contents-sample with plan sponsor name.json", notInNetwork());

    String spark = "tic_realworld/databricks-hls-payer-mrf-sparkstreaming/";
    String dolt = "tic_realworld/dolthub-data-analysis/";
    EXPECTED.put(spark + "in-network-rates-bundle-single-plan-sample.json", read(1, 3, 0));
    EXPECTED.put(spark + "in-network-rates-capitation-single-plan-sample.json", read(1, 3, 0));
    EXPECTED.put(spark + "in-network-rates-fee-for-service-single-plan-sample.json", read(2, 7, 2));
    EXPECTED.put(spark + "in-network-rates-fee-for-service-single-plan-sample1.json.gz", read(2, 7, 2));
    EXPECTED.put(spark + "in-network-rates-multiple-plans-sample.json", read(2, 8, 0));
    EXPECTED.put(spark + "test.json", new Expected(1, 1, 0, 2, 2, null));
    EXPECTED.put(dolt + "TEST_FILE.json.gz", read(13673, 51712, 3));
    EXPECTED.put(dolt + "examplefile.json.gz", read(1773, 122310, 370));
    EXPECTED.put(dolt + "examplefile2.json.gz", read(17759, 211905, 53));
    EXPECTED.put(dolt + "remote_ref.json", notInNetwork());
    EXPECTED.put(dolt + "test.json", read(2, 7, 3));
    EXPECTED.put(dolt + "test_file_1.json", read(902, 2749, 5));
    EXPECTED.put(dolt + "test_file_2.json", read(2, 2, 1));
    EXPECTED.put(dolt + "test_file_3.json.gz", read(902, 2749, 5));
    EXPECTED.put(dolt + "test_file_no_references.json", read(2, 4, 0));
    EXPECTED.put(dolt + "test_file_ordered.json", read(2, 7, 3));
    EXPECTED.put(dolt + "test_file_out_of_order.json", read(2, 7, 3));
    // An excerpt cut mid-array and closed with '}}': the wrong close marker is what the parser meets.
    EXPECTED.put("tic_realworld/go-mrf-v2/small_sample.txt", new Expected(0, 0, 0, 0, 0, Kind.CORRUPT));
  }

  private static final class Result {
    final ParseSummary summary;
    final CollectingSink sink;

    Result(ParseSummary summary, CollectingSink sink) {
      this.summary = summary;
      this.sink = sink;
    }
  }

  private static Path root() {
    Path ticGuide = TicReferenceData.folder("tic_cms_guide");
    assumeTrue("shared reference data not found", ticGuide != null);
    return ticGuide.getParent();
  }

  private static Result parse(Path file) throws IOException {
    CollectingSink sink = new CollectingSink();
    ParseSummary summary = InNetworkFileParser.create().parse(file, sink);
    return new Result(summary, sink);
  }

  @Test
  public void everyExampleAndRealFileReadsWithCountsThatReconcile() throws IOException {
    Path root = root();
    List<Path> files;
    try (Stream<Path> walk = Stream.concat(Files.walk(root.resolve("tic_cms_guide")),
        Files.walk(root.resolve("tic_realworld")))) {
      files = walk.filter(Files::isRegularFile)
          .filter(file -> !file.toString().endsWith(".md") && !file.toString().endsWith(".xml"))
          .filter(file -> !root.relativize(file).toString().contains("/schemas/"))
          .sorted().collect(Collectors.toList());
    }
    assertThat(files.size(), is(EXPECTED.size()));
    for (Path file : files) {
      String name = root.relativize(file).toString();
      Expected expected = EXPECTED.get(name);
      assertThat("no expectation for " + name, expected == null, is(false));
      Result result = parse(file);
      ParseSummary summary = result.summary;
      CollectingSink sink = result.sink;

      assertThat(name, summary.fileError() == null ? null : summary.fileError().kind(), equalTo(expected.error));
      if (expected.error == Kind.CORRUPT || expected.error == Kind.TRUNCATED) {
        continue;
      }
      assertThat(name, summary.inNetworkElements(), is(expected.elements));
      assertThat(name, summary.inNetworkBadElements(), is(expected.badElements));
      assertThat(name, summary.rateRows(), is(expected.rows));
      assertThat(name, summary.providerReferences(), is(expected.references));
      assertThat(name, summary.providerReferenceBadElements(), is(expected.badReferences));
      reconcile(name, result);
    }
  }

  /** Elements met = elements emitted + bad elements; rows and references counted = rows and references seen. */
  private static void reconcile(String name, Result result) {
    ParseSummary summary = result.summary;
    CollectingSink sink = result.sink;
    long emittedElements = sink.rows.stream().map(NegotiatedRateRow::item).distinct().count();
    long badElements = sink.bad.stream().filter(bad -> bad.section() == Section.IN_NETWORK).count();
    long badReferences = sink.bad.stream().filter(bad -> bad.section() == Section.PROVIDER_REFERENCES).count();
    assertThat(name, emittedElements + badElements, is(summary.inNetworkElements()));
    assertThat(name, badElements, is(summary.inNetworkBadElements()));
    assertThat(name, (long) sink.rows.size(), is(summary.rateRows()));
    assertThat(name, sink.references.size() + badReferences, is(summary.providerReferences()));
  }

  @Test
  public void damagedFilesKeepWhatCameBeforeTheDamage() throws IOException {
    Path root = root();
    Path excerpt = root.resolve("tic_realworld/go-mrf-v2/small_sample.txt");
    Result cutOff = parse(excerpt);
    assertThat(cutOff.summary.fileError().kind(), is(Kind.CORRUPT));
    assertThat(cutOff.summary.fileError().byteOffset(), is(Files.size(excerpt)));
    assertThat("the references before in_network were whole", cutOff.summary.providerReferences(), is(19L));
    assertThat(cutOff.summary.header().reportingEntityName(), not(nullValue()));
    reconcile("small_sample.txt", cutOff);

    Path historical = root.resolve("tic_cms_guide/historical");
    Result cutInNetwork = parse(historical.resolve("in-network-rates-fee-for-service-provider-reference-sample.json"));
    assertThat(cutInNetwork.summary.fileError().kind(), is(Kind.TRUNCATED));
    reconcile("provider-reference-sample", cutInNetwork);
    Result badToc = parse(historical.resolve("table-of-contents-sample-ein.json"));
    assertThat(badToc.summary.fileError().kind(), is(Kind.CORRUPT));
    assertThat(badToc.summary.inNetworkElements(), is(0L));
  }

  @Test
  public void floatProviderGroupIdsJoinTheirReferences() throws IOException {
    Result result = parse(root().resolve("tic_realworld/dolthub-data-analysis/examplefile.json.gz"));
    List<String> defined = result.sink.references.stream().map(ProviderReference::providerGroupId)
        .collect(Collectors.toList());
    assertThat(defined.stream().allMatch(id -> id.contains(".")), is(true));
    assertThat(result.sink.references.stream().allMatch(ref -> ref.location() != null), is(true));
    List<String> dangling = result.sink.rows.stream().map(NegotiatedRateRow::providerGroupId)
        .filter(id -> !defined.contains(id)).distinct().collect(Collectors.toList());
    assertThat(dangling, empty());
  }

  @Test
  public void nonIsoDatesAndReferencesAfterInNetworkInRealFiles() throws IOException {
    Path dolt = root().resolve("tic_realworld/dolthub-data-analysis");
    Result dean = parse(dolt.resolve("test_file_2.json"));
    assertThat(dean.summary.header().lastUpdatedOnText(), equalTo("10/25/2022"));
    assertThat(dean.summary.header().lastUpdatedOn(), equalTo("2022-10-25"));
    assertThat(dean.sink.rows.get(0).item().billingCodeType(), equalTo("MS-DRG"));
    assertThat(dean.sink.rows.get(0).price().negotiatedRate(), equalTo(new BigDecimal("1118.04")));
    assertThat(dean.sink.rows.get(0).price().expirationDate(), equalTo("9999-12-31"));

    Result outOfOrder = parse(dolt.resolve("test_file_out_of_order.json"));
    Result ordered = parse(dolt.resolve("test_file_ordered.json"));
    assertThat(outOfOrder.sink.rows.size(), is(ordered.sink.rows.size()));
    assertThat(outOfOrder.sink.references.stream().map(ProviderReference::providerGroupId)
        .collect(Collectors.toList()), contains("2", "0", "1"));
    ProviderGroup stringNpi = outOfOrder.sink.references.get(1).providerGroups().get(0);
    assertThat(stringNpi.npis(), equalTo(new long[] {9889889881L, 1234567890L}));
  }
}
