package io.carelake.pipelines.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import io.carelake.pipelines.members.ConfigException;
import io.carelake.schemas.Reference;
import io.carelake.schemas.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The shipped provider rules, record by record, and what a rule file may say. */
@RunWith(JUnit4.class)
public class ProviderRulesTest {
  private final ProviderRules rules = ProviderRules.shipped();

  private static ProviderDraft individual() {
    return new ProviderDraft(ProviderDraft.DateFormat.US).set(Reference.NPI, "1234567893")
        .set(Reference.ENUMERATION_TYPE, "NPI-1").set(Reference.LAST_NAME, "SMITH")
        .set(Reference.ENUMERATION_DATE, "05/27/2005").set(Reference.PRACTICE_STATE, "MA")
        .set(Reference.PRACTICE_POSTAL_CODE, "027406232").set(Reference.PRIMARY_TAXONOMY_CODE, "207Q00000X");
  }

  private List<String> ruleIds(ProviderDraft draft) {
    return rules.check(draft).stream().map(Violation::getRuleId).toList();
  }

  @Test
  public void aCleanIndividualPasses() {
    assertThat(rules.check(individual()), empty());
  }

  @Test
  public void everyBrokenRuleIsNamed() {
    ProviderDraft draft = individual().set(Reference.NPI, "1234567890").set(Reference.ENUMERATION_TYPE, "NPI-3")
        .set(Reference.PRIMARY_TAXONOMY_CODE, "207Q00000");
    assertThat(ruleIds(draft), containsInAnyOrder("npi.check_digit", "enumeration_type.allowed_values",
        "primary_taxonomy_code.format"));
    assertThat(ruleIds(new ProviderDraft(ProviderDraft.DateFormat.US).set(Reference.NPI, "12345")
            .set(Reference.ENUMERATION_TYPE, "NPI-2")),
        containsInAnyOrder("npi.format", "npi.check_digit", "organization_name.required", "enumeration_date.required"));
  }

  @Test
  public void stateAndZipAreCheckedOnlyForUsPracticeAddresses() {
    assertThat(ruleIds(individual().set(Reference.PRACTICE_STATE, "GEORGIA")), containsInAnyOrder("practice_state.format"));
    assertThat(ruleIds(individual().set(Reference.PRACTICE_STATE, "GEORGIA").set(Reference.PRACTICE_COUNTRY, "AA")
        .set(Reference.PRACTICE_POSTAL_CODE, "0108")), empty());
  }

  @Test
  public void aDeactivationIsExemptFromWhatItCannotHaveButAReactivationIsNot() {
    ProviderDraft deactivation = new ProviderDraft(ProviderDraft.DateFormat.US).set(Reference.NPI, "1003000126")
        .set(Reference.DEACTIVATION_DATE, "05/01/2025");
    assertThat(rules.check(deactivation), empty());
    // Deactivated again after an earlier reactivation: still a deactivation.
    assertThat(rules.check(deactivation.set(Reference.REACTIVATION_DATE, "02/01/2025")), empty());
    ProviderDraft reactivated = new ProviderDraft(ProviderDraft.DateFormat.US).set(Reference.NPI, "1003000126")
        .set(Reference.DEACTIVATION_DATE, "05/01/2025").set(Reference.REACTIVATION_DATE, "06/01/2025");
    assertThat(ruleIds(reactivated), containsInAnyOrder("enumeration_type.required", "enumeration_date.required"));
  }

  @Test
  public void aRuleFileIsCheckedWhenRead() {
    assertThat(message("rules:\n  - {column: npi, required: true, regex: x}\n"),
        is("f.yaml: rules[0]: expected exactly one of required, regex, allowed, npi_check_digit"));
    assertThat(message("rules:\n  - {column: nickname, required: true}\n"),
        is("f.yaml: rules[0].column: expected a column of the provider record, got nickname"));
    assertThat(message("rules:\n  - {column: npi, when_type: NPI-9, required: true}\n"),
        is("f.yaml: rules[0].when_type: expected NPI-1 or NPI-2"));
    assertThat(message("rules: []\n"), is("f.yaml: rules: at least one rule is required"));
  }

  private static String message(String yaml) {
    return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
  }

  private static ProviderRules parse(String yaml) throws IOException {
    return ProviderRules.parse("f.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }
}
