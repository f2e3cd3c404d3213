package io.carelake.pipelines.reference;

import com.fasterxml.jackson.databind.JsonNode;
import io.carelake.schemas.Reference;
import java.time.Instant;
import java.time.ZoneOffset;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One NPI Registry API (v2.1) result as a provider draft, whichever vintage of the API wrote it: the 2018-2019
 * responses have {@code number} and the epochs as integers in seconds and {@code basic.gender}; newer ones
 * have them as strings in milliseconds, may say {@code basic.sex}, and write {@code "--"} for an absent
 * value. Fields the result lacks, or of an unexpected shape, are left unset for the rules to judge.
 */
final class NppesApiResults {
  /** The API's placeholder for "none" (seen in name_prefix and name_suffix). */
  static final String NONE = "--";

  // Epoch values at or above this are milliseconds: 10^11 seconds is the year 5138, 10^11 milliseconds 1973,
  // before the first NPI (2005), so no real value of either unit falls on the wrong side.
  private static final long MILLIS_FROM = 100_000_000_000L;

  private NppesApiResults() {}

  static ProviderDraft draft(JsonNode result) {
    ProviderDraft draft = new ProviderDraft(ProviderDraft.DateFormat.ISO);
    JsonNode basic = result.path("basic");
    set(draft, Reference.NPI, result.path("number"));
    set(draft, Reference.ENUMERATION_TYPE, result.path("enumeration_type"));
    set(draft, Reference.ORGANIZATION_NAME, basic.path("organization_name"));
    set(draft, Reference.LAST_NAME, basic.path("last_name"));
    set(draft, Reference.FIRST_NAME, basic.path("first_name"));
    set(draft, Reference.MIDDLE_NAME, basic.path("middle_name"));
    set(draft, Reference.NAME_PREFIX, basic.path("name_prefix"));
    set(draft, Reference.NAME_SUFFIX, basic.path("name_suffix"));
    set(draft, Reference.CREDENTIAL, basic.path("credential"));
    set(draft, Reference.SEX, first(basic, "gender", "sex"));
    set(draft, Reference.SOLE_PROPRIETOR, basic.path("sole_proprietor"));
    set(draft, Reference.ORGANIZATIONAL_SUBPART, basic.path("organizational_subpart"));
    set(draft, Reference.AUTHORIZED_OFFICIAL_LAST_NAME, basic.path("authorized_official_last_name"));
    set(draft, Reference.AUTHORIZED_OFFICIAL_FIRST_NAME, basic.path("authorized_official_first_name"));
    set(draft, Reference.AUTHORIZED_OFFICIAL_TITLE,
        first(basic, "authorized_official_title_or_position", "authorized_official_title"));
    set(draft, Reference.ENUMERATION_DATE, basic.path("enumeration_date"));
    set(draft, Reference.LAST_UPDATED, basic.path("last_updated"));
    set(draft, Reference.DEACTIVATION_DATE, basic.path("deactivation_date"));
    set(draft, Reference.REACTIVATION_DATE, basic.path("reactivation_date"));
    set(draft, Reference.DEACTIVATION_REASON, first(basic, "deactivation_reason", "deactivation_reason_code"));
    // Both dates agree with their epochs in every recorded response; a result without the date keeps its epoch.
    if (draft.get(Reference.ENUMERATION_DATE) == null) {
      draft.set(Reference.ENUMERATION_DATE, epochDate(result.path("created_epoch")));
    }
    if (draft.get(Reference.LAST_UPDATED) == null) {
      draft.set(Reference.LAST_UPDATED, epochDate(result.path("last_updated_epoch")));
    }
    addresses(draft, result.path("addresses"));
    taxonomies(draft, result.path("taxonomies"));
    return draft;
  }

  private static void addresses(ProviderDraft draft, JsonNode addresses) {
    boolean practice = false;
    boolean mailing = false;
    for (JsonNode address : addresses) {
      String purpose = address.path("address_purpose").asText("");
      if (!practice && "LOCATION".equals(purpose)) {
        practice = true;
        set(draft, Reference.PRACTICE_ADDRESS_1, address.path("address_1"));
        set(draft, Reference.PRACTICE_ADDRESS_2, address.path("address_2"));
        set(draft, Reference.PRACTICE_CITY, address.path("city"));
        set(draft, Reference.PRACTICE_STATE, address.path("state"));
        set(draft, Reference.PRACTICE_POSTAL_CODE, address.path("postal_code"));
        set(draft, Reference.PRACTICE_COUNTRY, address.path("country_code"));
        set(draft, Reference.PRACTICE_PHONE, address.path("telephone_number"));
      } else if (!mailing && "MAILING".equals(purpose)) {
        mailing = true;
        set(draft, Reference.MAILING_ADDRESS_1, address.path("address_1"));
        set(draft, Reference.MAILING_ADDRESS_2, address.path("address_2"));
        set(draft, Reference.MAILING_CITY, address.path("city"));
        set(draft, Reference.MAILING_STATE, address.path("state"));
        set(draft, Reference.MAILING_POSTAL_CODE, address.path("postal_code"));
        set(draft, Reference.MAILING_COUNTRY, address.path("country_code"));
      }
    }
  }

  private static void taxonomies(ProviderDraft draft, JsonNode taxonomies) {
    boolean primaryFound = false;
    for (JsonNode taxonomy : taxonomies) {
      draft.addTaxonomyCode(text(taxonomy.path("code")));
      if (!primaryFound && isTrue(taxonomy.path("primary"))) {
        primaryFound = true;
        set(draft, Reference.PRIMARY_TAXONOMY_CODE, taxonomy.path("code"));
        set(draft, Reference.PRIMARY_LICENSE_NUMBER, taxonomy.path("license"));
        set(draft, Reference.PRIMARY_LICENSE_STATE, taxonomy.path("state"));
      }
    }
  }

  private static boolean isTrue(JsonNode flag) {
    if (flag.isBoolean()) {
      return flag.booleanValue();
    }
    String text = text(flag);
    return text != null && (text.equalsIgnoreCase("true") || Boolean.TRUE.equals(ProviderValues.flag(text)));
  }

  private static void set(ProviderDraft draft, String column, JsonNode value) {
    draft.set(column, text(value));
  }

  private static JsonNode first(JsonNode parent, String field, String fallback) {
    JsonNode value = parent.path(field);
    return text(value) != null ? value : parent.path(fallback);
  }

  /** A scalar's text, integers without exponent or fraction; null for absent, null, containers and "--". */
  static @Nullable String text(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (!value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = ProviderValues.text(value.asText());
    return NONE.equals(text) ? null : text;
  }

  /** The UTC date of an epoch in seconds or milliseconds, integer or string; null when it is neither. */
  static @Nullable String epochDate(JsonNode epoch) {
    String text = text(epoch);
    long value;
    try {
      value = text == null ? 0 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
    if (value <= 0) {
      return null;
    }
    Instant instant = value >= MILLIS_FROM ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
