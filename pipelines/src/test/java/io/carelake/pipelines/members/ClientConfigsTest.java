package io.carelake.pipelines.members;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Client configurations are checked before any data is touched, with messages naming file and field. */
@RunWith(JUnit4.class)
public class ClientConfigsTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

  private String errorOf(String yaml) throws Exception {
    Path folder = temp.newFolder().toPath();
    Files.writeString(folder.resolve("acme.yaml"), yaml);
    return assertThrows(ConfigException.class, () -> ClientConfigs.load(folder.toString(), TODAY)).getMessage();
  }

  @Test
  public void aMinimalConfigurationGetsTheDefaults() throws Exception {
    Path folder = temp.newFolder().toPath();
    Files.writeString(folder.resolve("acme.yaml"), "client_id: acme\n");
    Map<String, MemberClient> clients = ClientConfigs.load(folder.toString(), TODAY);
    MemberClient acme = clients.get("acme");
    assertThat(acme.headerOf().get("member_id"), equalTo("member_id"));
    assertThat(acme.phoneRegion(), equalTo("US"));
    assertThat(acme.invalidRatioThreshold(), equalTo(0.05));
    assertThat(acme.dates().parse("03/01/2025"), equalTo(TODAY));
  }

  @Test
  public void unknownFieldsAndTypesNameTheField() throws Exception {
    assertThat(errorOf("client_id: acme\ncolums: {}\n"), startsWith("acme.yaml: colums:"));
    assertThat(errorOf("client_id: acme\ninvalid_ratio_threshold: lots\n"), startsWith("acme.yaml: invalid_ratio_threshold:"));
  }

  @Test
  public void everyProblemOfAFileIsReportedAtOnce() throws Exception {
    String error = errorOf(String.join("\n",
        "client_id: acme",
        "columns: {first_name: last_name}",
        "required: [~, shoe_size]",
        "rules:",
        "  - {column: plan_id, regex: \"[\", allowed: [A]}",
        "  - {column: dob, date_window: {min: today+99999999999999999999d}}",
        "  - {column: ~, regex: x}",
        "pii: {city: generalize, member_id: drop}",
        "invalid_ratio_threshold: 2",
        ""));
    assertThat(error, startsWith("acme.yaml: "));
    assertThat(error, containsString("columns: first_name and last_name would both read header 'last_name'"));
    assertThat(error, containsString("required[0]: not a canonical member column"));
    assertThat(error, containsString("required[1]: not a canonical member column"));
    assertThat(error, containsString("rules[0]: set exactly one of regex, allowed, range, date_window"));
    assertThat(error, containsString("rules[1].date_window.min: the offset is out of range"));
    assertThat(error, containsString("rules[2].column: not a canonical member column"));
    assertThat(error, containsString("pii.city"));
    assertThat(error, containsString("pii.member_id: the merge key can only be kept or tokenised"));
    assertThat(error, containsString("invalid_ratio_threshold: must be between 0 and 1"));
  }

  @Test
  public void twoFilesCannotConfigureOneClient() throws Exception {
    Path folder = temp.newFolder().toPath();
    Files.writeString(folder.resolve("a.yaml"), "client_id: acme\n");
    Files.writeString(folder.resolve("b.yaml"), "client_id: acme\n");
    assertThat(assertThrows(ConfigException.class, () -> ClientConfigs.load(folder.toString(), TODAY)).getMessage(),
        equalTo("b.yaml: client_id: acme is configured in two files"));
  }
}
