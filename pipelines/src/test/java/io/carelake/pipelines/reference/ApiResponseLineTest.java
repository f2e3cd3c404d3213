package io.carelake.pipelines.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.carelake.schemas.Violation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Landed lines become their records, each result's text exactly as delivered, or one problem. */
@RunWith(JUnit4.class)
public class ApiResponseLineTest {
  private static final String REQUEST = "{\"source\":\"nppes_api\",\"url\":\"https://npiregistry.cms.hhs.gov/api/"
      + "?version=2.1&state=VT&limit=200&skip=0\",\"query\":{\"state\":\"VT\"},\"page\":1,"
      + "\"fetched_at\":\"2026-12-02T08:00:00Z\",\"http_status\":200,\"attempts\":1}";

  static String landed(String response) {
    return "{\"request\":" + REQUEST + ",\"response\":" + response + "}";
  }

  @Test
  public void resultsKeepTheirDeliveredTextWhateverItsSpacing() {
    String first = "{ \"number\" : 1234567893 ,\"basic\":{\"last_name\":\"A\\u00c9\"}}";
    String second = "{\"number\":\"1987654328\",\"taxonomies\":[{\"code\":\"207Q00000X\"},{}]}";
    ApiResponseLine.Parsed parsed = ApiResponseLine.parse(
        landed("{\"result_count\":2,\"results\":[" + first + " , " + second + "]}"), ApiSource.NPPES_API);

    assertThat(parsed.problem(), nullValue());
    assertThat(parsed.elements().stream().map(ApiResponseLine.Element::json).collect(Collectors.toList()),
        contains(first, second));
    assertThat(parsed.elements().get(0).node().path("basic").path("last_name").asText(), is("A\u00c9"));
  }

  @Test
  public void responseMayComeBeforeTheRequest() {
    ApiResponseLine.Parsed parsed = ApiResponseLine.parse(
        "{\"response\":{\"results\":[{\"number\":1}]},\"request\":" + REQUEST + "}", ApiSource.NPPES_API);
    assertThat(parsed.elements().size(), is(1));
  }

  @Test
  public void anEmptyPageHasNoRecordsAndNoProblem() {
    ApiResponseLine.Parsed parsed = ApiResponseLine.parse(landed("{\"result_count\":0,\"results\":[]}"),
        ApiSource.NPPES_API);
    assertThat(parsed.problem(), nullValue());
    assertThat(parsed.elements(), is(empty()));
  }

  @Test
  public void errorsAnswerNamesFieldsAndNumbersOnly() {
    ApiResponseLine.Parsed parsed = ApiResponseLine.parse(landed("{\"Errors\":[{\"field\":\"first_name\","
        + "\"number\":\"07\",\"description\":\"Field first_name JANE has too few characters\"}]}"), ApiSource.NPPES_API);
    assertThat(parsed.elements(), is(empty()));
    assertThat(parsed.problem().getRuleId(), is(ApiResponseLine.ERRORS));
    assertThat(parsed.problem().getReason(), is("the NPI Registry answered with errors [first_name 07]"));
  }

  @Test
  public void malformedLinesSayWhatTheyAreNotWithoutQuotingThem() {
    for (String line : List.of("{\"request\":{\"source\":\"nppes_api\"},\"response\":{\"results\":[{\"number\":12",
        "SECRET NAME", "[1,2]", landed("{\"results\":[{}]}") + " {}", "{\"request\":" + REQUEST + "}",
        landed("{\"result_count\":1}"), landed("{\"results\":[\"1234567893\"]}"), landed("[1,[\"A00\"],null,[]]"))) {
      Violation problem = ApiResponseLine.parse(line, ApiSource.NPPES_API).problem();
      assertThat(line, problem.getRuleId(), is(ApiResponseLine.MALFORMED));
      assertThat(problem.getReason(), not(org.hamcrest.Matchers.containsString("SECRET")));
    }
  }

  @Test
  public void clinicalTablesPageIsCutIntoOneObjectPerCode() {
    ApiResponseLine.Parsed parsed = ApiResponseLine.parse(landed("[3,[\"E0470\",\"A4206\",\"J9999\"],"
        + "{\"short_desc\":[\"Rad w/o backup non-inv intfc\",null,\"x\"],\"obsolete\":[false,true]},"
        + "[[\"E0470\",\"Respiratory assist device\"],[\"A4206\",\"1 CC sterile syringe&needle\"]]]"), ApiSource.HCPCS);

    assertThat(parsed.problem(), nullValue());
    assertThat(parsed.elements().stream().map(ApiResponseLine.Element::json).collect(Collectors.toList()), contains(
        "{\"code\":\"E0470\",\"display\":[\"E0470\",\"Respiratory assist device\"],"
            + "\"short_desc\":\"Rad w/o backup non-inv intfc\",\"obsolete\":false}",
        "{\"code\":\"A4206\",\"display\":[\"A4206\",\"1 CC sterile syringe&needle\"],\"short_desc\":null,"
            + "\"obsolete\":true}",
        "{\"code\":\"J9999\",\"short_desc\":\"x\"}"));
  }

  @Test
  public void clinicalTablesEmptyPageAndBrokenShapes() {
    assertThat(ApiResponseLine.parse(landed("[0,[],null,[]]"), ApiSource.ICD10CM).elements(), is(empty()));
    for (String response : List.of("[0,[]]", "{\"results\":[]}", "[1,\"A00\",null,[]]", "[1,[\"A00\"],[],[]]")) {
      assertThat(response, ApiResponseLine.parse(landed(response), ApiSource.ICD10CM).problem().getRuleId(),
          is(ApiResponseLine.MALFORMED));
    }
  }

  @Test
  public void bronzeFieldsArePathsToText() {
    Map<String, String> fields = JsonFields.of(ApiResponseLine.parse(landed("{\"results\":[{\"number\":1234567893,"
        + "\"basic\":{\"first_name\":\"JANE\",\"middle_name\":null},\"addresses\":[{\"city\":\"BURLINGTON\"}],"
        + "\"taxonomies\":[{\"code\":\"A\",\"primary\":false},{\"code\":\"B\",\"primary\":true}],\"endpoints\":[]}]}"),
        ApiSource.NPPES_API).elements().get(0).node());

    assertThat(fields.keySet(), contains("number", "basic.first_name", "addresses.0.city", "taxonomies.0.code",
        "taxonomies.0.primary", "taxonomies.1.code", "taxonomies.1.primary"));
    assertThat(fields, hasEntry("number", "1234567893"));
    assertThat(fields, hasEntry("taxonomies.1.primary", "true"));
  }
}
