package io.carelake.pipelines.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.carelake.pipelines.members.ConfigException;
import io.carelake.schemas.Reference;
import io.carelake.schemas.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The checks of an ICD-10-CM or HCPCS code record, as data: {@code code_rules.yaml} beside this class, or a
 * file of the same shape. Reasons name the rule, never the value.
 */
final class CodeRules implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String SHIPPED = "code_rules.yaml";

  private final List<Check> checks;

  private CodeRules(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  static CodeRules shipped() {
    return load(null);
  }

  /** Rules from a YAML file on any Beam filesystem; blank: the shipped ones. */
  static CodeRules load(@Nullable String location) {
    return RuleFiles.load("--codeRules", location, SHIPPED, CodeRules.class, CodeRules::parse);
  }

  static CodeRules parse(String name, InputStream in) throws IOException {
    RuleFile file = RuleFiles.yaml(name, in, RuleFile.class);
    if (file == null || file.rules == null || file.rules.isEmpty()) {
      throw new ConfigException(name + ": rules: at least one rule is required");
    }
    List<Check> checks = new ArrayList<>();
    for (int i = 0; i < file.rules.size(); i++) {
      checks.add(Check.of(name + ": rules[" + i + "]", file.rules.get(i)));
    }
    return new CodeRules(checks);
  }

  /** Every rule of {@code system}'s codes the record breaks; empty when it passes. */
  List<Violation> check(ApiSource system, CodeDraft draft) {
    List<Violation> violations = List.of();
    for (Check check : checks) {
      if (check.system != system) {
        continue;
      }
      Violation violation = check.apply(draft.get(check.column));
      if (violation != null) {
        if (violations.isEmpty()) {
          violations = new ArrayList<>(2);
        }
        violations.add(violation);
      }
    }
    return violations;
  }

  /** One rule as written in the file. */
  static final class RuleSpec {
    @JsonProperty("system") String system;
    @JsonProperty("column") String column;
    @JsonProperty("check") String check;
    @JsonProperty("required") Boolean required;
    @JsonProperty("regex") String regex;
  }

  static final class RuleFile {
    @JsonProperty("rules") List<RuleSpec> rules;
  }

  /** A rule ready to apply: one kind of check on one column of one code system. */
  private static final class Check implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ApiSource system;
    private final String column;
    private final String ruleId;
    private final String reason;
    private final @Nullable Pattern pattern;

    private Check(ApiSource system, String column, String check, String reason, @Nullable Pattern pattern) {
      this.system = system;
      this.column = column;
      this.ruleId = column + "." + check;
      this.reason = column + " " + reason;
      this.pattern = pattern;
    }

    static Check of(String where, RuleSpec spec) {
      ApiSource system = ApiSource.ofClientId(spec.system);
      if (system == null || !system.isCodeSystem()) {
        throw new ConfigException(where + ".system: expected " + ApiSource.ICD10CM.clientId() + " or "
            + ApiSource.HCPCS.clientId() + ", got " + spec.system);
      }
      Schema schema = system == ApiSource.ICD10CM ? Reference.DIAGNOSIS : Reference.PROCEDURE;
      if (spec.column == null || !schema.hasField(spec.column) || Reference.CODE_LINEAGE_COLUMNS.contains(spec.column)) {
        throw new ConfigException(where + ".column: expected a column of the " + spec.system + " record, got "
            + spec.column);
      }
      if (Boolean.TRUE.equals(spec.required) == (spec.regex != null)) {
        throw new ConfigException(where + ": expected exactly one of required, regex");
      }
      String check = spec.check == null || spec.check.isBlank() ? null : spec.check.strip();
      if (spec.regex == null) {
        return new Check(system, spec.column, check == null ? "required" : check, "is required", null);
      }
      try {
        return new Check(system, spec.column, check == null ? "pattern" : check,
            "does not match the pattern " + spec.regex, Pattern.compile(spec.regex));
      } catch (PatternSyntaxException e) {
        throw new ConfigException(where + ".regex: not a regular expression: " + e.getDescription(), e);
      }
    }

    @Nullable
    Violation apply(@Nullable String value) {
      if (value == null) {
        return pattern == null ? Violation.of(ruleId, column, reason) : null;
      }
      return pattern == null || pattern.matcher(value).matches() ? null : Violation.of(ruleId, column, reason);
    }
  }
}
