package io.carelake.pipelines.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.carelake.schemas.Reference;
import java.io.IOException;
import java.io.InputStream;
import org.joda.time.Instant;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Results of both vintages of the NPI Registry API become the drafts the bulk file's columns would. */
@RunWith(JUnit4.class)
public class NppesApiResultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode fixture(String name) throws IOException {
    try (InputStream in = NppesApiResultsTest.class.getResourceAsStream(name)) {
      return JSON.readTree(in);
    }
  }

  @Test
  public void individualOfThe2019VintageWithIntegerSecondsAndGender() throws IOException {
    ProviderDraft draft = NppesApiResults.draft(fixture("nppes_result_2019.json"));

    assertThat(draft.dateFormat(), is(ProviderDraft.DateFormat.ISO));
    assertThat(draft.get(Reference.NPI), is("1234567893"));
    assertThat(draft.get(Reference.ENUMERATION_TYPE), is("NPI-1"));
    assertThat(draft.get(Reference.LAST_NAME), is("EXAMPLE"));
    assertThat(draft.get(Reference.FIRST_NAME), is("JANE"));
    assertThat(draft.get(Reference.MIDDLE_NAME), is("Q"));
    assertThat(draft.get(Reference.NAME_PREFIX), is("DR."));
    assertThat(draft.get(Reference.CREDENTIAL), is("M.D."));
    assertThat(draft.get(Reference.SEX), is("F"));
    assertThat(draft.get(Reference.SOLE_PROPRIETOR), is("YES"));
    assertThat(draft.get(Reference.ORGANIZATION_NAME), nullValue());
    assertThat(draft.get(Reference.ENUMERATION_DATE), is("2005-07-12"));
    assertThat(draft.get(Reference.LAST_UPDATED), is("2019-03-18"));
    assertThat(draft.get(Reference.DEACTIVATION_DATE), nullValue());
    // The LOCATION address is the practice one wherever it comes in the list.
    assertThat(draft.get(Reference.PRACTICE_ADDRESS_1), is("1 MAIN ST"));
    assertThat(draft.get(Reference.PRACTICE_ADDRESS_2), is("SUITE 2"));
    assertThat(draft.get(Reference.PRACTICE_POSTAL_CODE), is("054011234"));
    assertThat(draft.get(Reference.PRACTICE_PHONE), is("802-555-0199"));
    assertThat(draft.get(Reference.PRACTICE_COUNTRY), is("US"));
    assertThat(draft.get(Reference.MAILING_ADDRESS_1), is("PO BOX 100"));
    assertThat(draft.get(Reference.MAILING_ADDRESS_2), nullValue());
    assertThat(draft.get(Reference.MAILING_POSTAL_CODE), is("05401"));
    assertThat(draft.get(Reference.PRIMARY_TAXONOMY_CODE), is("207R00000X"));
    assertThat(draft.get(Reference.PRIMARY_LICENSE_NUMBER), is("042-0012345"));
    assertThat(draft.get(Reference.PRIMARY_LICENSE_STATE), is("VT"));
    assertThat(draft.taxonomyCodes(), contains("207Q00000X", "207R00000X"));
  }

  @Test
  public void organizationOfTheLiveVintageWithStringMillisAndPlaceholders() throws IOException {
    ProviderDraft draft = NppesApiResults.draft(fixture("nppes_result_live_org.json"));

    assertThat(draft.get(Reference.NPI), is("1987654328"));
    assertThat(draft.get(Reference.ENUMERATION_TYPE), is("NPI-2"));
    assertThat(draft.get(Reference.ORGANIZATION_NAME), is("EXAMPLE CLINIC LLC"));
    assertThat(draft.get(Reference.ORGANIZATIONAL_SUBPART), is("NO"));
    assertThat(draft.get(Reference.AUTHORIZED_OFFICIAL_LAST_NAME), is("OFFICIAL"));
    assertThat(draft.get(Reference.AUTHORIZED_OFFICIAL_FIRST_NAME), is("SAM"));
    assertThat(draft.get(Reference.AUTHORIZED_OFFICIAL_TITLE), is("CEO"));
    assertThat(draft.get(Reference.ENUMERATION_DATE), is("2005-09-26"));
    // No basic.last_updated: the date of last_updated_epoch, a string of milliseconds.
    assertThat(draft.get(Reference.LAST_UPDATED), is("2023-11-30"));
    assertThat(draft.get(Reference.LAST_NAME), nullValue());
    assertThat(draft.get(Reference.PRIMARY_TAXONOMY_CODE), is("261QP2300X"));
    assertThat(draft.get(Reference.PRIMARY_LICENSE_NUMBER), nullValue());
    assertThat(draft.get(Reference.PRIMARY_LICENSE_STATE), nullValue());
    assertThat(draft.get(Reference.MAILING_ADDRESS_1), nullValue());
    assertThat(draft.taxonomyCodes(), contains("261QP2300X"));
  }

  @Test
  public void liveVintageDraftsTypeIntoProviderRows() throws IOException {
    ProviderRows rows = new ProviderRows(ProviderRules.shipped(), "run-1", Instant.EPOCH);
    for (String name : new String[] {"nppes_result_2019.json", "nppes_result_live_org.json"}) {
      ProviderRows.Typed typed = rows.type(NppesApiResults.draft(fixture(name)), Reference.SOURCE_API, "f.jsonl", 1000);
      assertThat(name, typed.violations(), is(empty()));
    }
  }

  @Test
  public void sexPlaceholdersAndDeactivationOfAnotherResult() throws IOException {
    ProviderDraft draft = NppesApiResults.draft(JSON.readTree("{\"number\":\"1555555550\",\"enumeration_type\":\"NPI-1\","
        + "\"basic\":{\"sex\":\"M\",\"name_prefix\":\"--\",\"name_suffix\":\"--\",\"last_name\":\"DOE\","
        + "\"status\":\"A\",\"deactivation_date\":\"2015-01-14\",\"reactivation_date\":\"2019-02-13\"},"
        + "\"taxonomies\":[{\"code\":\"207Q00000X\",\"primary\":\"Y\"}],\"addresses\":\"not a list\"}"));

    assertThat(draft.get(Reference.SEX), is("M"));
    assertThat(draft.get(Reference.NAME_PREFIX), nullValue());
    assertThat(draft.get(Reference.NAME_SUFFIX), nullValue());
    assertThat(draft.get(Reference.DEACTIVATION_DATE), is("2015-01-14"));
    assertThat(draft.get(Reference.REACTIVATION_DATE), is("2019-02-13"));
    assertThat(draft.get(Reference.PRIMARY_TAXONOMY_CODE), is("207Q00000X"));
    assertThat(draft.get(Reference.PRACTICE_CITY), nullValue());
    assertThat(draft.get(Reference.LAST_UPDATED), nullValue());
  }

  @Test
  public void epochsInSecondsOrMillisecondsGiveTheirUtcDate() {
    assertThat(NppesApiResults.epochDate(IntNode.valueOf(1521244800)), is("2018-03-17"));
    assertThat(NppesApiResults.epochDate(LongNode.valueOf(1552906835L)), is("2019-03-18"));
    assertThat(NppesApiResults.epochDate(TextNode.valueOf("1127757462000")), is("2005-09-26"));
    assertThat(NppesApiResults.epochDate(LongNode.valueOf(1701388799999L)), is("2023-11-30"));
    assertThat(NppesApiResults.epochDate(TextNode.valueOf("yesterday")), nullValue());
    assertThat(NppesApiResults.epochDate(IntNode.valueOf(0)), nullValue());
    ObjectNode empty = JSON.createObjectNode();
    assertThat(NppesApiResults.epochDate(empty.path("last_updated_epoch")), nullValue());
  }
}
