package io.carelake.transforms.extract.api;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import java.time.LocalDate;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Fetches reference data from public HTTP APIs (the NPPES NPI Registry, the NLM clinical tables for
 * ICD-10-CM and HCPCS) and lands the raw answers: each {@link FetchRequest} becomes one file
 * {@code <landingDirectory>/<source>_<YYYYMMDD>_<index>.jsonl}, one line per page (see
 * {@link LandingLines}), after the request's own paging and splitting past the source's result cap.
 *
 * <p>A request lands whole or not at all: its file is written under {@code _fetching/} and renamed into
 * place once every page is in. A source that stays down or refuses the query yields a failure for the
 * file that would have landed ({@code source.unavailable}, {@code source.query_error},
 * {@code source.unexpected_response}) and the run goes on; a landed file known to be incomplete also
 * yields a warning ({@code source.truncated}).
 *
 * <p>Requests are keyed by their source before they are fetched, so that one worker fetches a source's
 * requests one after the other and the client's pacing ({@link ApiClientSettings#minInterval}) bounds the
 * rate at which the run calls each API, whatever the parallelism: the three sources are fetched side by
 * side, never one source from many workers at once.
 */
@AutoValue
public abstract class FetchToLanding extends PTransform<PCollection<FetchRequest>, FetchResult> {
  public static final String NPPES_API_URL = "https://npiregistry.cms.hhs.gov/api/";
  public static final String ICD10CM_URL = "https://clinicaltables.nlm.nih.gov/api/icd10cm/v3/search";
  public static final String HCPCS_URL = "https://clinicaltables.nlm.nih.gov/api/hcpcs/v3/search";

  abstract String landingDirectory();

  abstract String runId();

  abstract LocalDate deliveryDate();

  abstract String nppesBaseUrl();

  abstract String icd10cmBaseUrl();

  abstract String hcpcsBaseUrl();

  abstract ApiClientSettings clientSettings();

  abstract int nppesPageSize();

  abstract int nppesMaxSkip();

  abstract int clinicalTablesPageSize();

  abstract int clinicalTablesMaxReachable();

  abstract Builder toBuilder();

  /** Lands into a directory on any Beam filesystem, as the delivery of one date by one run. */
  public static FetchToLanding into(String landingDirectory, String runId, LocalDate deliveryDate) {
    checkArgument(landingDirectory != null && !landingDirectory.isBlank(), "landingDirectory must not be blank");
    checkArgument(runId != null && runId.matches("[A-Za-z0-9_.-]+"), "runId must be a file-name-safe id");
    checkArgument(deliveryDate != null, "deliveryDate is required");
    return new AutoValue_FetchToLanding.Builder()
        .setLandingDirectory(landingDirectory)
        .setRunId(runId)
        .setDeliveryDate(deliveryDate)
        .setNppesBaseUrl(NPPES_API_URL)
        .setIcd10cmBaseUrl(ICD10CM_URL)
        .setHcpcsBaseUrl(HCPCS_URL)
        .setClientSettings(ApiClientSettings.defaults())
        .setNppesPageSize(200)
        .setNppesMaxSkip(1000)
        .setClinicalTablesPageSize(500)
        .setClinicalTablesMaxReachable(10_000)
        .build();
  }

  public FetchToLanding withNppesBaseUrl(String url) {
    return toBuilder().setNppesBaseUrl(checkUrl(url)).build();
  }

  public FetchToLanding withIcd10cmBaseUrl(String url) {
    return toBuilder().setIcd10cmBaseUrl(checkUrl(url)).build();
  }

  public FetchToLanding withHcpcsBaseUrl(String url) {
    return toBuilder().setHcpcsBaseUrl(checkUrl(url)).build();
  }

  public FetchToLanding withClientSettings(ApiClientSettings settings) {
    checkArgument(settings != null, "client settings are required");
    return toBuilder().setClientSettings(settings).build();
  }

  /**
   * The NPI Registry's paging limits: at most {@code pageSize} results a page (200) and a skip of at most
   * {@code maxSkip} (1,000), a multiple of the page size. Change them only if the API does.
   */
  public FetchToLanding withNppesPaging(int pageSize, int maxSkip) {
    checkArgument(pageSize >= 1 && pageSize <= 200, "the NPI Registry returns 1 to 200 results a page");
    checkArgument(maxSkip >= 0 && maxSkip % pageSize == 0, "maxSkip must be a multiple of the page size");
    return toBuilder().setNppesPageSize(pageSize).setNppesMaxSkip(maxSkip).build();
  }

  /**
   * The clinical tables' paging limits: {@code count} per page (at most 500) and the number of matches a
   * search can reach with {@code offset} (10,000).
   */
  public FetchToLanding withClinicalTablesPaging(int pageSize, int maxReachable) {
    checkArgument(pageSize >= 1 && pageSize <= 500, "the clinical tables return 1 to 500 results a page");
    checkArgument(maxReachable >= pageSize, "maxReachable must be at least one page");
    return toBuilder().setClinicalTablesPageSize(pageSize).setClinicalTablesMaxReachable(maxReachable).build();
  }

  private static String checkUrl(String url) {
    checkArgument(url != null && (url.startsWith("https://") || url.startsWith("http://")),
        "a base URL must be http(s)");
    return url;
  }

  @Override
  public FetchResult expand(PCollection<FetchRequest> requests) {
    TupleTag<LandingFile> landed = new TupleTag<>() {};
    TupleTag<FileProblem> failed = new TupleTag<>() {};
    TupleTag<FetchWarning> warned = new TupleTag<>() {};
    FetchFn fetch = new FetchFn(
        new LandingTarget(landingDirectory(), runId(), deliveryDate()),
        new Endpoints(nppesBaseUrl(), icd10cmBaseUrl(), hcpcsBaseUrl(), nppesPageSize(), nppesMaxSkip(),
            clinicalTablesPageSize(), clinicalTablesMaxReachable()),
        clientSettings(), landed, failed, warned);
    PCollectionTuple fetched = requests
        .apply("KeyBySource", WithKeys.of(FetchRequest::getSource).withKeyType(TypeDescriptors.strings()))
        .apply("OneWorkerPerSource", GroupByKey.create())
        .apply("EachRequest", Values.create())
        .apply("InTurn", Flatten.iterables())
        .apply("FetchAndLand", ParDo.of(fetch).withOutputTags(landed, TupleTagList.of(failed).and(warned)));
    return FetchResult.of(
        fetched.get(landed).setCoder(SchemaCoders.of(LandingFile.class)),
        fetched.get(failed).setCoder(SchemaCoders.of(FileProblem.class)),
        fetched.get(warned).setCoder(SchemaCoders.of(FetchWarning.class)));
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setLandingDirectory(String landingDirectory);

    abstract Builder setRunId(String runId);

    abstract Builder setDeliveryDate(LocalDate deliveryDate);

    abstract Builder setNppesBaseUrl(String url);

    abstract Builder setIcd10cmBaseUrl(String url);

    abstract Builder setHcpcsBaseUrl(String url);

    abstract Builder setClientSettings(ApiClientSettings settings);

    abstract Builder setNppesPageSize(int pageSize);

    abstract Builder setNppesMaxSkip(int maxSkip);

    abstract Builder setClinicalTablesPageSize(int pageSize);

    abstract Builder setClinicalTablesMaxReachable(int maxReachable);

    abstract FetchToLanding build();
  }
}
