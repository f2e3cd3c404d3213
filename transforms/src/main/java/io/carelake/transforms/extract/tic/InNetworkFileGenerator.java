package io.carelake.transforms.extract.tic;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.auto.value.AutoValue;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

/**
 * Writes schema-valid in-network rates files of any size, for tests and benchmarks: schema 1.x or 2.x,
 * top-level provider_references before or after in_network, rates naming references or carrying inline
 * provider groups, ffs, bundle (bundled_codes) and capitation (covered_services) items, ISO and US expiration
 * dates, and optionally float-written provider_group_ids ({@code 1003.50}, referenced as {@code 1003.5}) and a
 * malformed element every so often. The same settings and seed write the same bytes; {@link #write} returns
 * the counts a reader must find.
 */
@AutoValue
public abstract class InNetworkFileGenerator {
  private static final String[] CODES = {"27130", "27447", "72148", "99202", "73721", "70551", "29881", "27236",
      "99213", "71046", "73030", "20610"};
  private static final String[] NEGOTIATED_TYPES = {"negotiated", "fee schedule", "derived", "percentage",
      "per diem"};
  private static final String[] EXPIRATION_DATES = {"9999-12-31", "2025-06-30", "2026-12-31", "10/25/2022"};
  private static final String[][] SERVICE_CODES = {{"11"}, {"11", "22", "19"}, {"CSTM-00"}, {"21", "22", "23", "24"},
      {}};
  private static final String[] MODIFIERS = {"26", "TC", "50", "LT", "RT"};
  private static final int NETWORKS = 3;

  /** Where the top-level provider_references go. */
  public enum ReferencesPlacement {
    BEFORE_IN_NETWORK,
    AFTER_IN_NETWORK
  }

  /** What a reader must find in a generated file. */
  @AutoValue
  public abstract static class Written {
    public abstract long bytes();

    public abstract long inNetworkElements();

    public abstract long inNetworkBadElements();

    public abstract long rateRows();

    public abstract long providerReferences();

    static Written of(long bytes, long inNetworkElements, long inNetworkBadElements, long rateRows,
        long providerReferences) {
      return new AutoValue_InNetworkFileGenerator_Written(bytes, inNetworkElements, inNetworkBadElements, rateRows,
          providerReferences);
    }
  }

  abstract int schemaMajorVersion();

  abstract ReferencesPlacement referencesPlacement();

  abstract long targetBytes();

  abstract int providerReferenceCount();

  abstract boolean floatGroupIds();

  abstract int malformedEvery();

  abstract long seed();

  abstract Builder toBuilder();

  /** A ~1 MB schema 2.x file, references first, integer ids, no malformed elements. */
  public static InNetworkFileGenerator create() {
    return new AutoValue_InNetworkFileGenerator.Builder().setSchemaMajorVersion(2)
        .setReferencesPlacement(ReferencesPlacement.BEFORE_IN_NETWORK).setTargetBytes(1 << 20)
        .setProviderReferenceCount(200).setFloatGroupIds(false).setMalformedEvery(0).setSeed(2022).build();
  }

  public InNetworkFileGenerator withSchemaMajorVersion(int major) {
    checkArgument(major == 1 || major == 2, "schema major version must be 1 or 2, not %s", major);
    return toBuilder().setSchemaMajorVersion(major).build();
  }

  public InNetworkFileGenerator withReferencesPlacement(ReferencesPlacement placement) {
    return toBuilder().setReferencesPlacement(placement).build();
  }

  /** Elements are written until the file reaches this size; it ends a little past it. */
  public InNetworkFileGenerator withTargetBytes(long bytes) {
    checkArgument(bytes > 0, "target size must be positive, not %s", bytes);
    return toBuilder().setTargetBytes(bytes).build();
  }

  public InNetworkFileGenerator withProviderReferenceCount(int count) {
    checkArgument(count >= 6, "need at least 6 provider references, not %s", count);
    return toBuilder().setProviderReferenceCount(count).build();
  }

  /** Every third provider_group_id written as a float with a trailing zero, referenced without it. */
  public InNetworkFileGenerator withFloatGroupIds(boolean floatIds) {
    return toBuilder().setFloatGroupIds(floatIds).build();
  }

  /** Every n-th in_network element malformed (a rate that is not a number, a missing billing_code, an NPI that
   * is an object, in turn); 0 for none. */
  public InNetworkFileGenerator withMalformedEvery(int n) {
    checkArgument(n >= 0, "malformed interval must not be negative, not %s", n);
    return toBuilder().setMalformedEvery(n).build();
  }

  public InNetworkFileGenerator withSeed(long seed) {
    return toBuilder().setSeed(seed).build();
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setSchemaMajorVersion(int value);

    abstract Builder setReferencesPlacement(ReferencesPlacement value);

    abstract Builder setTargetBytes(long value);

    abstract Builder setProviderReferenceCount(int value);

    abstract Builder setFloatGroupIds(boolean value);

    abstract Builder setMalformedEvery(int value);

    abstract Builder setSeed(long value);

    abstract InNetworkFileGenerator build();
  }

  /** Writes one file to {@code out} (not closed). */
  public Written write(OutputStream out) throws IOException {
    CountingStream counting = new CountingStream(out);
    Random random = new Random(seed());
    long elements = 0;
    long bad = 0;
    long rows = 0;
    try (JsonGenerator json = new JsonFactory().createGenerator(counting, JsonEncoding.UTF8)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      writeHeader(json);
      if (referencesPlacement() == ReferencesPlacement.BEFORE_IN_NETWORK) {
        writeProviderReferences(json, random);
      }
      json.writeArrayFieldStart("in_network");
      while (counting.count + json.getOutputBuffered() < targetBytes()) {
        boolean malformed = malformedEvery() > 0 && elements % malformedEvery() == malformedEvery() - 1;
        long written = writeItem(json, random, elements, malformed ? (int) (bad % 3) : -1);
        elements++;
        if (malformed) {
          bad++;
        } else {
          rows += written;
        }
      }
      json.writeEndArray();
      if (referencesPlacement() == ReferencesPlacement.AFTER_IN_NETWORK) {
        writeProviderReferences(json, random);
      }
      json.writeEndObject();
    }
    return Written.of(counting.count, elements, bad, rows, providerReferenceCount());
  }

  private void writeHeader(JsonGenerator json) throws IOException {
    json.writeStringField("reporting_entity_name", "CareLake Test Health Plan");
    json.writeStringField("reporting_entity_type", "health insurance issuer");
    json.writeStringField("plan_name", "CareLake PPO");
    if (schemaMajorVersion() == 2) {
      json.writeStringField("issuer_name", "CareLake Issuer");
      json.writeStringField("plan_sponsor_name", "CareLake Auto Shop");
    }
    json.writeStringField("plan_id_type", "ein");
    json.writeStringField("plan_id", "12-3456789");
    json.writeStringField("plan_market_type", "group");
    json.writeStringField("last_updated_on", "2024-07-01");
    json.writeStringField("version", schemaMajorVersion() == 2 ? "2.0.0" : "1.3.0");
  }

  private void writeProviderReferences(JsonGenerator json, Random random) throws IOException {
    json.writeArrayFieldStart("provider_references");
    for (int g = 0; g < providerReferenceCount(); g++) {
      json.writeStartObject();
      json.writeFieldName("provider_group_id");
      json.writeNumber(writtenGroupId(g));
      if (schemaMajorVersion() == 2) {
        json.writeArrayFieldStart("network_name");
        json.writeString("CareLake Network " + (g % NETWORKS));
        json.writeEndArray();
      }
      if (schemaMajorVersion() == 1 && g % 10 == 9) {
        json.writeStringField("location", "https://example.org/provider-groups/" + g + ".json");
      } else {
        json.writeArrayFieldStart("provider_groups");
        int groups = 1 + random.nextInt(3);
        for (int i = 0; i < groups; i++) {
          writeProviderGroup(json, random, false);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** As the provider_references entry writes it. */
  private String writtenGroupId(int g) {
    long id = 1000 + g;
    return floatGroupIds() && g % 3 == 0 ? id + ".50" : Long.toString(id);
  }

  /** As a negotiated rate refers to it: the same number, written without the trailing zero. */
  private String referencedGroupId(int g) {
    long id = 1000 + g;
    return floatGroupIds() && g % 3 == 0 ? id + ".5" : Long.toString(id);
  }

  private void writeProviderGroup(JsonGenerator json, Random random, boolean npiAsObject) throws IOException {
    json.writeStartObject();
    if (npiAsObject) {
      json.writeObjectFieldStart("npi");
      json.writeNumberField("value", 1234567893L);
      json.writeEndObject();
    } else {
      json.writeArrayFieldStart("npi");
      int npis = 1 + random.nextInt(5);
      for (int i = 0; i < npis; i++) {
        json.writeNumber(1_000_000_000L + random.nextInt(900_000_000));
      }
      json.writeEndArray();
    }
    json.writeObjectFieldStart("tin");
    json.writeStringField("type", "ein");
    json.writeStringField("value", String.format("%02d-%07d", 10 + random.nextInt(89), random.nextInt(9_999_999)));
    if (schemaMajorVersion() == 2) {
      json.writeStringField("business_name", "Group " + random.nextInt(1000));
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  /** Writes one in_network element; returns its rows, or anything when it is malformed (kind >= 0). */
  private long writeItem(JsonGenerator json, Random random, long index, int malformedKind) throws IOException {
    String arrangement = index % 10 == 3 ? "bundle" : index % 15 == 7 ? "capitation" : "ffs";
    String code = index % 4 == 0 ? CODES[random.nextInt(CODES.length)]
        : Integer.toString(10000 + random.nextInt(89999));
    json.writeStartObject();
    json.writeStringField("negotiation_arrangement", arrangement);
    json.writeStringField("name", "Procedure " + code);
    json.writeStringField("billing_code_type", "CPT");
    json.writeStringField("billing_code_type_version", "2024");
    if (malformedKind != 1) {
      json.writeStringField("billing_code", code);
    }
    json.writeStringField("description", "Description of procedure " + code + " as published by the plan");
    if (arrangement.equals("bundle")) {
      writeContainedCodes(json, "bundled_codes", random);
    } else if (arrangement.equals("capitation")) {
      writeContainedCodes(json, "covered_services", random);
    }
    json.writeArrayFieldStart("negotiated_rates");
    long rows = 0;
    int rates = 1 + random.nextInt(4);
    for (int r = 0; r < rates; r++) {
      json.writeStartObject();
      int providers;
      boolean inline = r % 4 == 3 || (malformedKind == 2 && r == 0);
      if (inline) {
        providers = 1 + random.nextInt(2);
        json.writeArrayFieldStart("provider_groups");
        for (int i = 0; i < providers; i++) {
          writeProviderGroup(json, random, malformedKind == 2 && r == 0 && i == 0);
        }
        json.writeEndArray();
      } else {
        providers = 2 + random.nextInt(5);
        json.writeArrayFieldStart("provider_references");
        for (int i = 0; i < providers; i++) {
          json.writeNumber(referencedGroupId(random.nextInt(providerReferenceCount())));
        }
        json.writeEndArray();
      }
      int prices = 1 + random.nextInt(3);
      json.writeArrayFieldStart("negotiated_prices");
      for (int i = 0; i < prices; i++) {
        writePrice(json, random, malformedKind == 0 && r == rates - 1 && i == prices - 1);
      }
      json.writeEndArray();
      json.writeEndObject();
      rows += (long) providers * prices;
    }
    json.writeEndArray();
    json.writeEndObject();
    return rows;
  }

  private void writePrice(JsonGenerator json, Random random, boolean rateNotANumber) throws IOException {
    json.writeStartObject();
    json.writeStringField("negotiated_type", NEGOTIATED_TYPES[random.nextInt(NEGOTIATED_TYPES.length)]);
    json.writeFieldName("negotiated_rate");
    if (rateNotANumber) {
      json.writeString("see contract");
    } else {
      json.writeNumber(random.nextInt(50_000) + "." + String.format("%02d", random.nextInt(100)));
    }
    json.writeStringField("expiration_date", EXPIRATION_DATES[random.nextInt(EXPIRATION_DATES.length)]);
    json.writeArrayFieldStart("service_code");
    for (String serviceCode : SERVICE_CODES[random.nextInt(SERVICE_CODES.length)]) {
      json.writeString(serviceCode);
    }
    json.writeEndArray();
    json.writeStringField("billing_class", random.nextBoolean() ? "professional" : "institutional");
    if (schemaMajorVersion() == 2) {
      json.writeStringField("setting", random.nextBoolean() ? "outpatient" : "inpatient");
    }
    if (random.nextInt(4) == 0) {
      json.writeArrayFieldStart("billing_code_modifier");
      json.writeString(MODIFIERS[random.nextInt(MODIFIERS.length)]);
      json.writeEndArray();
    }
    if (random.nextInt(8) == 0) {
      json.writeStringField("additional_information", "Rate applies after the first 30 days");
    }
    json.writeEndObject();
  }

  private void writeContainedCodes(JsonGenerator json, String field, Random random) throws IOException {
    json.writeArrayFieldStart(field);
    int codes = 2 + random.nextInt(3);
    for (int i = 0; i < codes; i++) {
      json.writeStartObject();
      json.writeStringField("billing_code_type", "CPT");
      json.writeStringField("billing_code_type_version", "2024");
      json.writeStringField("billing_code", CODES[random.nextInt(CODES.length)]);
      json.writeStringField("description", "Contained service");
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** Counts what reaches the target, to know when the file is big enough. */
  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
