package io.carelake.transforms.extract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.carelake.schemas.LandingFile;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class LandingContractTest {
  private static final LandingContract CONTRACT = LandingContract.standard();
  private static final String BAD_SHAPE = "name.contract: expected {client_id}_{YYYYMMDD}[_{part}].csv";

  private static LandingFile delivered(String name) {
    return LandingFile.builder().setPath("/lake/landing/" + name).setName(name).setSizeBytes(42).build();
  }

  private static LandingFile accepted(String name) {
    ContractCheck check = CONTRACT.check(delivered(name));
    assertThat(check.rejection(), nullValue());
    assertThat(check.isAccepted(), is(true));
    return check.file();
  }

  private static String rejection(String name) {
    ContractCheck check = CONTRACT.check(delivered(name));
    assertThat(check.isAccepted(), is(false));
    assertThat(check.file(), nullValue());
    return check.rejection();
  }

  @Test
  public void basicDateWithoutPartFillsClientDateAndPartZero() {
    assertThat(accepted("acme_20250131.csv"), equalTo(delivered("acme_20250131.csv").toBuilder()
        .setClientId("acme").setDeliveryDate("2025-01-31").setPart(0).build()));
  }

  @Test
  public void isoDateWithPart() {
    LandingFile file = accepted("acme_2025-01-31_2.csv");
    assertThat(file.getClientId(), equalTo("acme"));
    assertThat(file.getDeliveryDate(), equalTo("2025-01-31"));
    assertThat(file.getPart(), equalTo(2));
  }

  @Test
  public void gzippedDelivery() {
    LandingFile file = accepted("acme_20240229_12.csv.gz");
    assertThat(file.getDeliveryDate(), equalTo("2024-02-29"));
    assertThat(file.getPart(), equalTo(12));
  }

  @Test
  public void clientIdWithUnderscoresAndHyphens() {
    LandingFile file = accepted("north_west-health_2_20250105_3.csv");
    assertThat(file.getClientId(), equalTo("north_west-health_2"));
    assertThat(file.getDeliveryDate(), equalTo("2025-01-05"));
    assertThat(file.getPart(), equalTo(3));
  }

  @Test
  public void dateIsTheLastDateShapedGroup() {
    LandingFile file = accepted("acme_20250101_20250102.csv");
    assertThat(file.getClientId(), equalTo("acme_20250101"));
    assertThat(file.getDeliveryDate(), equalTo("2025-01-02"));
    assertThat(file.getPart(), equalTo(0));
  }

  @Test
  public void dateThatIsNotOnTheCalendarIsRejected() {
    assertThat(rejection("acme_20250230.csv"), equalTo("name.date: not a calendar date"));
    assertThat(rejection("acme_2025-13-01.csv"), equalTo("name.date: not a calendar date"));
    assertThat(rejection("acme_20230229.csv"), equalTo("name.date: not a calendar date"));
  }

  @Test
  public void partWithLeadingZeroOrZeroIsRejected() {
    String badPart = "name.part: expected a positive integer without leading zero";
    assertThat(rejection("acme_20250101_01.csv"), equalTo(badPart));
    assertThat(rejection("acme_20250101_0.csv"), equalTo(badPart));
    assertThat(rejection("acme_20250101_1234567890.csv"), equalTo(badPart));
  }

  @Test
  public void otherExtensionsAreRejected() {
    String badExtension = "name.extension: expected .csv or .csv.gz";
    assertThat(rejection("acme_20250101.txt"), equalTo(badExtension));
    assertThat(rejection("acme_20250101.csv.zip"), equalTo(badExtension));
    assertThat(rejection("acme_20250101.CSV"), equalTo(badExtension));
    assertThat(rejection("acme_20250101.gz"), equalTo(badExtension));
  }

  @Test
  public void namesOutOfShapeAreRejected() {
    assertThat(rejection("20250101.csv"), equalTo(BAD_SHAPE));
    assertThat(rejection("acme.csv"), equalTo(BAD_SHAPE));
    assertThat(rejection("acme_2025011.csv"), equalTo(BAD_SHAPE));
    assertThat(rejection("acme_2025-0101.csv"), equalTo(BAD_SHAPE));
    assertThat(rejection("_acme_20250101.csv"), equalTo(BAD_SHAPE));
    assertThat(rejection("ac me_20250101.csv"), equalTo(BAD_SHAPE));
    assertThat(rejection("acme_20250101_2a.csv"), equalTo(BAD_SHAPE));
    assertThat(rejection("acme_20250101_.csv"), equalTo(BAD_SHAPE));
    assertThat(rejection(".csv"), equalTo(BAD_SHAPE));
  }

  @Test
  public void survivesSerializationAsAnEqualContract() {
    assertThat(SerializableUtils.clone(CONTRACT), equalTo(CONTRACT));
  }

  @Test
  public void aDeliveryNamedByItsPeriodIsDatedByItsEnd() {
    LandingFile file = accepted("npidata_pfile_20050523-20250608.csv");
    assertThat(file.getClientId(), equalTo("npidata_pfile"));
    assertThat(file.getDeliveryDate(), equalTo("2025-06-08"));
    assertThat(accepted("npidata_pfile_20250602-20250608_2.csv.gz").getPart(), equalTo(2));
    String badPeriod = "name.date: a period is {YYYYMMDD}-{YYYYMMDD}, its start not after its end";
    assertThat(rejection("npidata_pfile_20250609-20250608.csv"), equalTo(badPeriod));
    assertThat(rejection("npidata_pfile_20250601-2025-06-08.csv"), equalTo(badPeriod));
    assertThat(rejection("npidata_pfile_20250631-20250708.csv"), equalTo("name.date: not a calendar date"));
  }

  @Test
  public void aContractCanAcceptAnotherExtension() {
    LandingContract jsonl = CONTRACT.alsoAccepting(".jsonl");
    assertThat(jsonl.check(delivered("nppes_api_20261202_3.jsonl")).file().getClientId(), equalTo("nppes_api"));
    assertThat(jsonl.check(delivered("nppes_api_20261202_3.jsonl.gz")).file().getPart(), equalTo(3));
    assertThat(jsonl.check(delivered("acme_20250101.csv")).file().getClientId(), equalTo("acme"));
    assertThat(jsonl.check(delivered("acme_20250101.json")).rejection(),
        equalTo("name.extension: expected .csv, .csv.gz, .jsonl or .jsonl.gz"));
    assertThat(rejection("nppes_api_20261202_3.jsonl"), equalTo("name.extension: expected .csv or .csv.gz"));
    assertThat(SerializableUtils.clone(jsonl), equalTo(jsonl));
  }
}
