package io.carelake.transforms.extract.api;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/**
 * One query to fetch and land as one file, {@code <source>_<YYYYMMDD>_<index>.jsonl}: the source
 * ({@code nppes_api}, {@code icd10cm} or {@code hcpcs}), the file's part number (1 to 999) and the query
 * criteria as API parameters (for NPPES e.g. {@code state}, {@code taxonomy_description}; for the
 * clinical tables at least {@code terms}). Paging parameters are the fetcher's, not the request's.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class FetchRequest {
  public static final String NPPES_API = "nppes_api";
  public static final String ICD10CM = "icd10cm";
  public static final String HCPCS = "hcpcs";

  static final Set<String> SOURCES = Set.of(NPPES_API, ICD10CM, HCPCS);

  // The fetchers set these; a request that set them would break paging.
  private static final Set<String> PAGING_PARAMETERS = Set.of("version", "limit", "skip", "count", "offset", "maxList");

  public abstract String getSource();

  /** The landing file's part number: 1 to 999. */
  public abstract int getIndex();

  public abstract Map<String, String> getCriteria();

  public static FetchRequest of(String source, int index, Map<String, String> criteria) {
    checkArgument(SOURCES.contains(source), "source must be one of %s", SOURCES);
    checkArgument(index >= 1 && index <= 999, "index must be 1 to 999 (the landing file's part)");
    checkArgument(criteria != null && !criteria.isEmpty(), "criteria must not be empty");
    criteria.forEach((name, value) -> {
      checkArgument(name != null && !name.isBlank() && value != null, "criteria must have names and values");
      checkArgument(!PAGING_PARAMETERS.contains(name), "%s is set by the fetcher, not by a request", name);
    });
    return new AutoValue_FetchRequest.Builder()
        .setSource(source)
        .setIndex(index)
        .setCriteria(Map.copyOf(new TreeMap<>(criteria)))
        .build();
  }

  public static FetchRequest nppes(int index, Map<String, String> criteria) {
    return of(NPPES_API, index, criteria);
  }

  public static FetchRequest icd10cm(int index, String terms) {
    return of(ICD10CM, index, Map.of("terms", terms));
  }

  public static FetchRequest hcpcs(int index, String terms) {
    return of(HCPCS, index, Map.of("terms", terms));
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setSource(String source);

    abstract Builder setIndex(int index);

    abstract Builder setCriteria(Map<String, String> criteria);

    abstract FetchRequest build();
  }
}
