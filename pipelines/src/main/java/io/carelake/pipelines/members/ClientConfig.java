package io.carelake.pipelines.members;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One client's onboarding file ({@code <client_id>.yaml} in the configuration folder): how its roster
 * maps onto the canonical member record, which rules it must pass and how its personal data is
 * protected. Onboarding a client is adding one such file. See {@link ClientConfigs} for the checks.
 */
public record ClientConfig(
    @JsonProperty(value = "client_id", required = true) String clientId,
    /** Canonical column to the client's header; a canonical column not listed is read under its own name. */
    @JsonProperty("columns") @Nullable Map<String, String> columns,
    /** java.time patterns tried in order for every date column. */
    @JsonProperty("date_formats") @Nullable List<String> dateFormats,
    /** Region for phone numbers written without a country code (ISO 3166 alpha-2). */
    @JsonProperty("phone_region") @Nullable String phoneRegion,
    /** Canonical columns that must not be blank; member_id always is. */
    @JsonProperty("required") @Nullable List<String> required,
    @JsonProperty("rules") @Nullable List<RuleConfig> rules,
    /** Canonical column to keep | token | mask | drop | generalize, over the de-identified default. */
    @JsonProperty("pii") @Nullable Map<String, String> pii,
    /** Share of invalid rows in a file above which an alert is raised. */
    @JsonProperty("invalid_ratio_threshold") @Nullable Double invalidRatioThreshold) {

  /** A rule on one canonical column; exactly one of regex, allowed, range and date_window is set. */
  public record RuleConfig(
      @JsonProperty(value = "column", required = true) String column,
      @JsonProperty("regex") @Nullable String regex,
      @JsonProperty("allowed") @Nullable List<String> allowed,
      @JsonProperty("ignore_case") @Nullable Boolean ignoreCase,
      @JsonProperty("range") @Nullable Bounds range,
      @JsonProperty("date_window") @Nullable Bounds dateWindow) {}

  /**
   * Inclusive bounds. For a date window each bound is an ISO date, {@code today}, or {@code today-<N>d}
   * / {@code today+<N>d} / {@code today-<N>y}, resolved when the run starts.
   */
  public record Bounds(@JsonProperty("min") @Nullable String min, @JsonProperty("max") @Nullable String max) {}
}
