package io.carelake.pipelines.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.carelake.pipelines.members.ConfigException;
import io.carelake.schemas.Reference;
import io.carelake.schemas.Violation;
import io.carelake.transforms.standardize.Npis;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The checks of a provider record, as data: {@code provider_rules.yaml} beside this class, or a file of the
 * same shape given with {@code --providerRules}. Reasons name the rule, never the value.
 */
final class ProviderRules implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String SHIPPED = "provider_rules.yaml";

  private final List<Check> checks;

  private ProviderRules(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  static ProviderRules shipped() {
    return load(null);
  }

  /** Rules from a YAML file on any Beam filesystem; blank: the shipped ones. */
  static ProviderRules load(@Nullable String location) {
    return RuleFiles.load("--providerRules", location, SHIPPED, ProviderRules.class, ProviderRules::parse);
  }

  static ProviderRules parse(String name, InputStream in) throws IOException {
    RuleFile file = RuleFiles.yaml(name, in, RuleFile.class);
    if (file == null || file.rules == null || file.rules.isEmpty()) {
      throw new ConfigException(name + ": rules: at least one rule is required");
    }
    List<Check> checks = new ArrayList<>();
    for (int i = 0; i < file.rules.size(); i++) {
      checks.add(Check.of(name + ": rules[" + i + "]", file.rules.get(i)));
    }
    return new ProviderRules(checks);
  }

  /** Every rule the record breaks; empty when it passes. */
  List<Violation> check(ProviderDraft draft) {
    boolean deactivation = draft.deactivates();
    String type = draft.get(Reference.ENUMERATION_TYPE);
    String country = draft.get(Reference.PRACTICE_COUNTRY);
    boolean usPractice = country == null || "US".equals(country);
    List<Violation> violations = null;
    for (Check check : checks) {
      if ((check.unlessDeactivated && deactivation) || (check.whenType != null && !check.whenType.equals(type))
          || (check.usPracticeOnly && !usPractice)) {
        continue;
      }
      Violation violation = check.apply(draft.get(check.column));
      if (violation != null) {
        if (violations == null) {
          violations = new ArrayList<>(2);
        }
        violations.add(violation);
      }
    }
    return violations == null ? List.of() : violations;
  }

  int size() {
    return checks.size();
  }

  /** One rule as written in the file. */
  static final class RuleSpec {
    @JsonProperty("column") String column;
    @JsonProperty("check") String check;
    @JsonProperty("required") Boolean required;
    @JsonProperty("regex") String regex;
    @JsonProperty("allowed") List<String> allowed;
    @JsonProperty("npi_check_digit") Boolean npiCheckDigit;
    @JsonProperty("when_type") String whenType;
    @JsonProperty("unless_deactivated") Boolean unlessDeactivated;
    @JsonProperty("us_practice_only") Boolean usPracticeOnly;
  }

  static final class RuleFile {
    @JsonProperty("rules") List<RuleSpec> rules;
  }

  /** A rule ready to apply: exactly one kind of check on one column. */
  private static final class Check implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final String ruleId;
    private final String reason;
    private final boolean required;
    private final @Nullable Pattern pattern;
    private final @Nullable Set<String> allowed;
    private final boolean npiCheckDigit;
    private final @Nullable String whenType;
    private final boolean unlessDeactivated;
    private final boolean usPracticeOnly;

    private Check(String column, String check, String reason, boolean required, @Nullable Pattern pattern,
        @Nullable Set<String> allowed, boolean npiCheckDigit, @Nullable String whenType, boolean unlessDeactivated,
        boolean usPracticeOnly) {
      this.column = column;
      this.ruleId = column + "." + check;
      this.reason = column + " " + reason;
      this.required = required;
      this.pattern = pattern;
      this.allowed = allowed;
      this.npiCheckDigit = npiCheckDigit;
      this.whenType = whenType;
      this.unlessDeactivated = unlessDeactivated;
      this.usPracticeOnly = usPracticeOnly;
    }

    static Check of(String where, RuleSpec spec) {
      if (spec.column == null || !Reference.PROVIDER.hasField(spec.column)) {
        throw new ConfigException(where + ".column: expected a column of the provider record, got " + spec.column);
      }
      int kinds = (Boolean.TRUE.equals(spec.required) ? 1 : 0) + (spec.regex != null ? 1 : 0)
          + (spec.allowed != null ? 1 : 0) + (Boolean.TRUE.equals(spec.npiCheckDigit) ? 1 : 0);
      if (kinds != 1) {
        throw new ConfigException(where + ": expected exactly one of required, regex, allowed, npi_check_digit");
      }
      if (spec.whenType != null && !Set.of(Reference.NPI_INDIVIDUAL, Reference.NPI_ORGANIZATION).contains(spec.whenType)) {
        throw new ConfigException(where + ".when_type: expected NPI-1 or NPI-2");
      }
      boolean unlessDeactivated = Boolean.TRUE.equals(spec.unlessDeactivated);
      boolean usOnly = Boolean.TRUE.equals(spec.usPracticeOnly);
      if (Boolean.TRUE.equals(spec.required)) {
        return new Check(spec.column, name(spec, "required"), "is required", true, null, null, false, spec.whenType,
            unlessDeactivated, usOnly);
      }
      if (spec.regex != null) {
        Pattern pattern;
        try {
          pattern = Pattern.compile(spec.regex);
        } catch (java.util.regex.PatternSyntaxException e) {
          throw new ConfigException(where + ".regex: not a regular expression: " + e.getDescription(), e);
        }
        return new Check(spec.column, name(spec, "pattern"), "does not match the pattern " + spec.regex, false,
            pattern, null, false, spec.whenType, unlessDeactivated, usOnly);
      }
      if (spec.allowed != null) {
        return new Check(spec.column, name(spec, "allowed_values"), "is not one of " + spec.allowed, false, null,
            Set.copyOf(spec.allowed), false, spec.whenType, unlessDeactivated, usOnly);
      }
      return new Check(spec.column, name(spec, "check_digit"), "does not have a valid NPI check digit", false, null,
          null, true, spec.whenType, unlessDeactivated, usOnly);
    }

    private static String name(RuleSpec spec, String defaultCheck) {
      return spec.check == null || spec.check.isBlank() ? defaultCheck : spec.check.strip();
    }

    @Nullable
    Violation apply(@Nullable String value) {
      if (value == null) {
        return required ? Violation.of(ruleId, column, reason) : null;
      }
      boolean passes = required
          || (pattern != null && pattern.matcher(value).matches())
          || (allowed != null && allowed.contains(value))
          || (npiCheckDigit && Npis.isValid(value));
      return passes ? null : Violation.of(ruleId, column, reason);
    }
  }
}
