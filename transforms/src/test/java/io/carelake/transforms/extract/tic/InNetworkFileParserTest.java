package io.carelake.transforms.extract.tic;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.carelake.transforms.extract.tic.BadElement.Section;
import io.carelake.transforms.extract.tic.FileError.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class InNetworkFileParserTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static final String REFERENCES = """
        "provider_references": [
          {"provider_group_id": 690.64470, "network_name": ["Choice"],
           "provider_groups": [{"npi": [1111111111, "2222222222"],
                                "tin": {"type": "ein", "value": "11-1111111", "business_name": "ACME"}}]},
          {"provider_group_id": 12.0, "location": "https://example.org/group-12.json"}
        ]""";

  private static final String IN_NETWORK = """
        "in_network": [
          {"negotiation_arrangement": "ffs", "name": "Knee Replacement", "billing_code_type": "CPT",
           "billing_code_type_version": "2020", "billing_code": "27447", "description": "Arthroplasty",
           "negotiated_rates": [
             {"provider_references": [690.6447, 12],
              "negotiated_prices": [
                {"negotiated_type": "negotiated", "negotiated_rate": 123.450, "expiration_date": "10/25/2022",
                 "service_code": ["18", "19"], "billing_class": "professional", "setting": "inpatient",
                 "billing_code_modifier": ["AS"], "additional_information": "after 30 days"}]}]},
          {"negotiation_arrangement": "bundle", "name": "Total Knee", "billing_code_type": "ICD",
           "billing_code_type_version": 9, "billing_code": "81.54", "description": "Total Knee Replacement",
           "bundled_codes": [{"billing_code_type": "RC", "billing_code_type_version": "2020",
                              "billing_code": "122", "description": "room and board"}],
           "negotiated_rates": [
             {"provider_groups": [{"npi": [3333333333], "tin": {"type": "npi", "value": "3333333333"}},
                                  {"npi": [0], "tin": {"type": "ein", "value": "22-2222222"}}],
              "negotiated_prices": [
                {"negotiated_type": "fee schedule", "negotiated_rate": 0.1000000000000000055511151231257827,
                 "expiration_date": "9999-12-31", "billing_class": "institutional"},
                {"negotiated_type": "percentage", "negotiated_rate": 40, "expiration_date": "9999-99-99",
                 "billing_class": "both"}]}]}
        ]""";

  private static String file(String first, String second) {
    return "{\n  \"reporting_entity_name\": \"ACME Health\", \"reporting_entity_type\": \"health insurance issuer\",\n"
        + "  \"plan_name\": \"ACME PPO\", \"issuer_name\": \"ACME Issuer\", \"plan_sponsor_name\": \"Auto Shop\",\n"
        + "  \"plan_id_type\": \"ein\", \"plan_id\": \"12-3456789\", \"plan_market_type\": \"group\",\n"
        + first + ",\n" + second + ",\n"
        + "  \"last_updated_on\": \"10/25/2022\", \"version\": \"2.0.0\"\n}\n";
  }

  private static ParseSummary parse(String json, CollectingSink sink) throws IOException {
    return InNetworkFileParser.create()
        .parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), sink);
  }

  @Test
  public void readsHeaderRowsAndReferencesWithTheirValues() throws IOException {
    CollectingSink sink = new CollectingSink();
    ParseSummary summary = parse(file(REFERENCES, IN_NETWORK), sink);

    assertThat(summary.fileError(), nullValue());
    FileHeader header = summary.header();
    assertThat(header.reportingEntityName(), equalTo("ACME Health"));
    assertThat(header.reportingEntityType(), equalTo("health insurance issuer"));
    assertThat(header.planName(), equalTo("ACME PPO"));
    assertThat(header.issuerName(), equalTo("ACME Issuer"));
    assertThat(header.planSponsorName(), equalTo("Auto Shop"));
    assertThat(header.planIdType(), equalTo("ein"));
    assertThat(header.planId(), equalTo("12-3456789"));
    assertThat(header.planMarketType(), equalTo("group"));
    assertThat(header.lastUpdatedOnText(), equalTo("10/25/2022"));
    assertThat(header.lastUpdatedOn(), equalTo("2022-10-25"));
    assertThat(header.version(), equalTo("2.0.0"));

    assertThat(sink.rows, hasSize(6));
    NegotiatedRateRow first = sink.rows.get(0);
    assertThat(first.item().billingCode(), equalTo("27447"));
    assertThat(first.item().billingCodeType(), equalTo("CPT"));
    assertThat(first.item().billingCodeTypeVersion(), equalTo("2020"));
    assertThat(first.item().name(), equalTo("Knee Replacement"));
    assertThat(first.item().description(), equalTo("Arthroplasty"));
    assertThat(first.item().negotiationArrangement(), equalTo("ffs"));
    NegotiatedPrice price = first.price();
    assertThat(price.negotiatedType(), equalTo("negotiated"));
    assertThat(price.negotiatedRate(), equalTo(new BigDecimal("123.450")));
    assertThat(price.expirationDateText(), equalTo("10/25/2022"));
    assertThat(price.expirationDate(), equalTo("2022-10-25"));
    assertThat(price.billingClass(), equalTo("professional"));
    assertThat(price.setting(), equalTo("inpatient"));
    assertThat(price.serviceCodes(), contains("18", "19"));
    assertThat(price.billingCodeModifiers(), contains("AS"));
    assertThat(price.additionalInformation(), equalTo("after 30 days"));
    assertThat(first.providerGroup(), nullValue());
    assertThat(sink.rows.get(0).providerGroupId(), equalTo("690.6447"));
    assertThat(sink.rows.get(1).providerGroupId(), equalTo("12"));

    NegotiatedRateRow bundle = sink.rows.get(2);
    assertThat(bundle.item().billingCode(), equalTo("81.54"));
    assertThat(bundle.item().billingCodeTypeVersion(), equalTo("9"));
    assertThat(bundle.item().bundledCodes(),
        contains(ContainedBillingCode.of("RC", "2020", "122", "room and board")));
    assertThat(bundle.providerGroupId(), nullValue());
    assertThat(bundle.providerGroup().npis(), equalTo(new long[] {3333333333L}));
    assertThat(bundle.providerGroup().tinType(), equalTo("npi"));
    assertThat(bundle.price().negotiatedRate().toPlainString(), equalTo("0.1000000000000000055511151231257827"));
    assertThat(bundle.price().setting(), nullValue());
    assertThat(bundle.price().serviceCodes(), empty());
    assertThat(sink.rows.get(3).providerGroup().npis(), equalTo(new long[] {0L}));
    assertThat(sink.rows.get(3).providerGroup().tinValue(), equalTo("22-2222222"));
    NegotiatedPrice percentage = sink.rows.get(5).price();
    assertThat(percentage.negotiatedRate(), equalTo(new BigDecimal("40")));
    assertThat(percentage.expirationDateText(), equalTo("9999-99-99"));
    assertThat(percentage.expirationDate(), nullValue());

    assertThat(sink.references, hasSize(2));
    ProviderReference choice = sink.references.get(0);
    assertThat(choice.providerGroupId(), equalTo("690.6447"));
    assertThat(choice.networkNames(), contains("Choice"));
    assertThat(choice.providerGroups(), contains(ProviderGroup.of(new long[] {1111111111L, 2222222222L}, "ein",
        "11-1111111", "ACME")));
    assertThat(choice.location(), nullValue());
    ProviderReference remote = sink.references.get(1);
    assertThat(remote.providerGroupId(), equalTo("12"));
    assertThat(remote.providerGroups(), empty());
    assertThat(remote.location(), equalTo("https://example.org/group-12.json"));

    assertThat(sink.bad, empty());
    assertThat(summary.inNetworkElements(), is(2L));
    assertThat(summary.rateRows(), is(6L));
    assertThat(summary.providerReferences(), is(2L));
  }

  @Test
  public void referencesAfterInNetworkGiveTheSameRowsAndReferences() throws IOException {
    CollectingSink before = new CollectingSink();
    CollectingSink after = new CollectingSink();
    parse(file(REFERENCES, IN_NETWORK), before);
    ParseSummary summary = parse(file(IN_NETWORK, REFERENCES), after);

    assertThat(summary.fileError(), nullValue());
    assertThat(summary.header().version(), equalTo("2.0.0"));
    assertThat(rowsWithoutOffsets(after.rows), equalTo(rowsWithoutOffsets(before.rows)));
    assertThat(after.references.stream().map(ProviderReference::providerGroupId).collect(Collectors.toList()),
        contains("690.6447", "12"));
  }

  private static List<String> rowsWithoutOffsets(List<NegotiatedRateRow> rows) {
    return rows.stream().map(row -> row.item().billingCode() + "|" + row.price() + "|" + row.providerGroupId()
        + "|" + row.providerGroup()).collect(Collectors.toList());
  }

  @Test
  public void malformedElementIsReportedAtItsOffsetAndTheFileGoesOn() throws IOException {
    String bad = "{\"negotiation_arrangement\": \"ffs\", \"billing_code_type\": \"CPT\", \"billing_code\": \"1\","
        + " \"negotiated_rates\": [{\"provider_references\": [1], \"negotiated_prices\": [{\"negotiated_type\":"
        + " \"negotiated\", \"negotiated_rate\": {\"amount\": 5}, \"expiration_date\": \"2022-01-01\","
        + " \"billing_class\": \"professional\"}]}]}";
    String missing = "{\"negotiation_arrangement\": \"ffs\", \"billing_code_type\": \"CPT\", \"negotiated_rates\": []}";
    String good = "{\"negotiation_arrangement\": \"ffs\", \"billing_code_type\": \"CPT\", \"billing_code\": \"2\","
        + " \"negotiated_rates\": [{\"provider_references\": [1], \"negotiated_prices\": [{\"negotiated_type\":"
        + " \"negotiated\", \"negotiated_rate\": 5.5, \"expiration_date\": \"2022-01-01\","
        + " \"billing_class\": \"professional\"}]}]}";
    String json = "{\"in_network\": [" + bad + ", " + missing + ", 7, " + good + "], \"version\": \"1.0.0\"}";
    CollectingSink sink = new CollectingSink();
    ParseSummary summary = parse(json, sink);

    assertThat(summary.fileError(), nullValue());
    assertThat(sink.bad, hasSize(3));
    BadElement wrongType = sink.bad.get(0);
    assertThat(wrongType.section(), is(Section.IN_NETWORK));
    assertThat(wrongType.elementIndex(), is(0L));
    assertThat(wrongType.byteOffset(), is((long) json.indexOf(bad)));
    assertThat(wrongType.problemByteOffset(), is((long) json.indexOf("{\"amount\"")));
    assertThat(wrongType.reason(), equalTo("negotiated_rate is an object, not a number"));
    assertThat(sink.bad.get(1).reason(), equalTo("missing billing_code"));
    assertThat(sink.bad.get(1).byteOffset(), is((long) json.indexOf(missing)));
    assertThat(sink.bad.get(2).reason(), equalTo("in_network element is a number, not an object"));
    assertThat(sink.rows, hasSize(1));
    assertThat(sink.rows.get(0).item().billingCode(), equalTo("2"));
    assertThat(sink.rows.get(0).item().elementIndex(), is(3L));
    assertThat(summary.inNetworkElements(), is(4L));
    assertThat(summary.inNetworkBadElements(), is(3L));
    assertThat(summary.inNetworkElementsEmitted(), is(1L));
    assertThat(summary.header().version(), equalTo("1.0.0"));
  }

  @Test
  public void badProviderReferencesAreReportedAndTheOthersKept() throws IOException {
    String json = "{\"provider_references\": [{\"provider_group_id\": \"seven\", \"location\": \"x\"},"
        + " {\"provider_group_id\": 3}, {\"provider_group_id\": 4, \"provider_groups\": [{\"npi\": [1]}]},"
        + " {\"provider_group_id\": 5, \"location\": \"https://example.org/5.json\"}], \"in_network\": []}";
    CollectingSink sink = new CollectingSink();
    ParseSummary summary = parse(json, sink);

    assertThat(sink.bad.stream().map(BadElement::reason).collect(Collectors.toList()), contains(
        "provider_group_id \"seven\" is not a number",
        "provider reference has neither provider_groups nor location",
        "missing tin"));
    assertThat(sink.bad.get(0).section(), is(Section.PROVIDER_REFERENCES));
    assertThat(sink.references, hasSize(1));
    assertThat(sink.references.get(0).providerGroupId(), equalTo("5"));
    assertThat(summary.providerReferences(), is(4L));
    assertThat(summary.providerReferenceBadElements(), is(3L));
  }

  @Test
  public void truncatedFileEndsWithAFileErrorAfterTheWholeElements() throws IOException {
    String whole = file(REFERENCES, IN_NETWORK);
    String cut = whole.substring(0, whole.indexOf("\"negotiated_type\": \"percentage\""));
    CollectingSink sink = new CollectingSink();
    ParseSummary summary = parse(cut, sink);

    assertThat(summary.fileError().kind(), is(Kind.TRUNCATED));
    assertThat(summary.fileError().byteOffset(), is((long) cut.length()));
    assertThat(sink.references, hasSize(2));
    assertThat(sink.rows, hasSize(2));
    assertThat(sink.rows.get(1).item().billingCode(), equalTo("27447"));
    assertThat(summary.inNetworkElements(), is(1L));
    assertThat(summary.rateRows(), is(2L));
    assertThat(summary.header().planName(), equalTo("ACME PPO"));
    assertThat(summary.header().version(), nullValue());
  }

  @Test
  public void corruptFileEndsWithAFileError() throws IOException {
    String whole = file(REFERENCES, IN_NETWORK);
    String corrupt = whole.replace("\"name\": \"Total Knee\",", "\"name\": \"Total Knee\" ]");
    CollectingSink sink = new CollectingSink();
    ParseSummary summary = parse(corrupt, sink);

    assertThat(summary.fileError().kind(), is(Kind.CORRUPT));
    assertThat(summary.fileError().byteOffset(), is((long) corrupt.indexOf("\"Total Knee\" ]") + 14));
    assertThat(sink.rows, hasSize(2));
    assertThat(summary.inNetworkElements(), is(1L));
  }

  @Test
  public void filesOfOtherKindsAreNotInNetworkFiles() throws IOException {
    ParseSummary toc = parse("{\"reporting_entity_name\": \"x\", \"reporting_structure\": []}", new CollectingSink());
    assertThat(toc.fileError().kind(), is(Kind.NOT_IN_NETWORK_FILE));
    assertThat(toc.fileError().message(), equalTo("no in_network array"));
    assertThat(toc.header().reportingEntityName(), equalTo("x"));
    ParseSummary array = parse("[1, 2]", new CollectingSink());
    assertThat(array.fileError().kind(), is(Kind.NOT_IN_NETWORK_FILE));
    assertThat(parse("", new CollectingSink()).fileError().kind(), is(Kind.TRUNCATED));
  }

  @Test
  public void gzipIsRecognisedByItsBytesNotItsName() throws IOException {
    String json = file(REFERENCES, IN_NETWORK);
    Path gzippedButNamedJson = temp.newFile("rates.json").toPath();
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzippedButNamedJson))) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    Path plainButNamedGz = temp.newFile("rates.json.gz").toPath();
    Files.writeString(plainButNamedGz, json);

    for (Path file : List.of(gzippedButNamedJson, plainButNamedGz)) {
      CollectingSink sink = new CollectingSink();
      ParseSummary summary = InNetworkFileParser.create().parse(file, sink);
      assertThat(file.toString(), summary.fileError(), nullValue());
      assertThat(sink.rows, hasSize(6));
      assertThat("read up to the closing brace", summary.bytesRead(), is((long) json.length() - 1));
    }
  }

  @Test
  public void gzipCutShortIsATruncatedFile() throws IOException {
    Path file = temp.newFile("cut.gz").toPath();
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(file(REFERENCES, IN_NETWORK).getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));

    ParseSummary summary = InNetworkFileParser.create().parse(file, new CollectingSink());
    assertThat(summary.fileError().kind(), is(Kind.TRUNCATED));
    assertThat(summary.fileError().message(), containsString("content ends early"));
  }
}
