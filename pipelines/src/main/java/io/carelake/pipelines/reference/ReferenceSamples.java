package io.carelake.pipelines.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference pipeline's bundled samples, generated (deterministically) into a lake's landing folder in two
 * deliveries: first the monthly NPPES file (100 providers, a few of them bad or deactivated), then the weekly
 * increment that follows it (updates, a reactivation, a bad record) and a late weekly file from March (older
 * than the increment: its versions take their place inside the histories, and one deactivation ends a
 * version the increment then follows). Landed API responses come with them, as the extractors land them: NPI
 * Registry answers in both vintages (one provider also in the bulk files), ICD-10-CM codes (one of them
 * malformed, one renamed in the second delivery) and HCPCS codes. Small, because the Direct runner, which
 * tests run on, makes a bundle of every key after a grouping.
 */
public final class ReferenceSamples {
  private static final int PROVIDERS = 100;
  private static final double BAD_FRACTION = 0.04;
  /** Seeds chosen so that the files hold every case named above. */
  private static final long MONTHLY_SEED = 38;
  private static final long LATE_SEED = 1038;
  private static final LocalDate MONTH_END = LocalDate.of(2025, 6, 8);
  private static final LocalDate LATE_MONTH_END = LocalDate.of(2025, 3, 1);

  private ReferenceSamples() {}

  /**
   * Writes every sample into the lake's reference landing folder and returns the arguments that run the
   * pipeline on them (the catalogue's sample set-up).
   */
  public static List<String> samples(Path lake) throws IOException {
    writeTo(landing(lake));
    return List.of("--lake=" + lake);
  }

  /** The lake's reference landing folder, where the pipeline looks by default. */
  public static Path landing(Path lake) {
    return lake.resolve("landing").resolve(ReferencePipeline.NAME);
  }

  /**
   * Writes every sample into {@code landing} and returns the files by delivery: the first delivery's files,
   * then the second's, each in the order they are delivered.
   */
  public static List<List<Path>> writeTo(Path landing) throws IOException {
    Files.createDirectories(landing);
    List<Path> first = new ArrayList<>();
    List<Path> second = new ArrayList<>();
    // The generator's records follow one random sequence: the monthly file must be written before its increment.
    NppesBulkGenerator june = new NppesBulkGenerator(MONTHLY_SEED, PROVIDERS, BAD_FRACTION, MONTH_END);
    first.add(june.writeMonthly(landing));
    second.add(june.writeWeekly(landing));
    second.add(new NppesBulkGenerator(LATE_SEED, PROVIDERS, BAD_FRACTION, LATE_MONTH_END).writeWeekly(landing));
    first.add(landed(landing, "nppes_api_20250609_1.jsonl", "nppes_api",
        "https://npiregistry.cms.hhs.gov/api/?version=2.1&state=VT&limit=200&skip=0",
        "{\"result_count\":2,\"results\":[" + apiProvider(NppesBulkGenerator.npi(3), false) + ","
            + apiProvider("1245319599", true) + "]}"));
    first.add(landed(landing, "icd10cm_20250609_1.jsonl", "icd10cm",
        "https://clinicaltables.nlm.nih.gov/api/icd10cm/v3/search?terms=E11&sf=code,name&df=code,name&count=500&offset=0",
        "[4,[\"E11.9\",\"E11.65\",\"U07.1\",\"E11.\"],null,[[\"E11.9\",\"Type 2 diabetes mellitus without "
            + "complications\"],[\"E11.65\",\"Type 2 diabetes mellitus with hyperglycemia\"],[\"U07.1\","
            + "\"COVID-19\"],[\"E11.\",\"Malformed\"]]]"));
    first.add(landed(landing, "hcpcs_20250609_1.jsonl", "hcpcs",
        "https://clinicaltables.nlm.nih.gov/api/hcpcs/v3/search?terms=E04&count=500&offset=0",
        "[2,[\"E0470\",\"E0471\"],{\"short_desc\":[\"Rad w/o backup non-inv intfc\",\"Rad w/backup non inv "
            + "intrfc\"],\"long_desc\":[\"Respiratory assist device, bi-level pressure capability, without backup "
            + "rate feature\",\"Respiratory assist device, bi-level pressure capability, with back-up rate "
            + "feature\"],\"add_dt\":[\"19990101\",\"19990101\"],\"act_eff_dt\":[\"20060101\",\"20060101\"],"
            + "\"term_dt\":[null,null],\"obsolete\":[false,false]},[[\"E0470\",\"Respiratory assist device\"],"
            + "[\"E0471\",\"Respiratory assist device\"]]]"));
    second.add(landed(landing, "icd10cm_20250616_1.jsonl", "icd10cm",
        "https://clinicaltables.nlm.nih.gov/api/icd10cm/v3/search?terms=E11.6&sf=code,name&df=code,name&count=500&offset=0",
        "[1,[\"E11.65\"],null,[[\"E11.65\",\"Type 2 diabetes mellitus with hyperglycemia (revised)\"]]]"));
    return List.of(List.copyOf(first), List.copyOf(second));
  }

  /** A landed response file of one line, as the extractors write it. */
  private static Path landed(Path landing, String name, String source, String url, String response)
      throws IOException {
    String line = "{\"request\":{\"source\":\"" + source + "\",\"url\":\"" + url + "\",\"query\":{},\"page\":1,"
        + "\"fetched_at\":\"2025-06-09T06:00:00Z\",\"http_status\":200,\"attempts\":1},\"response\":" + response
        + "}\n";
    return Files.writeString(landing.resolve(name), line, StandardCharsets.UTF_8);
  }

  /** An NPI Registry result: the 2018-19 vintage (integers, seconds) or today's (strings, millis). */
  private static String apiProvider(String npi, boolean today) {
    String number = today ? "\"" + npi + "\"" : npi;
    String updated = today ? "\"1749427200000\"" : "1749427200";
    return "{\"enumeration_type\":\"NPI-1\",\"number\":" + number + ",\"last_updated_epoch\":" + updated
        + ",\"basic\":{\"first_name\":\"ADA\",\"last_name\":\"OKAFOR\",\"name_prefix\":\"--\","
        + "\"credential\":\"MD\",\"gender\":\"F\",\"enumeration_date\":\"2010-03-04\","
        + "\"last_updated\":\"2025-06-09\",\"status\":\"A\"},\"addresses\":[{\"country_code\":\"US\","
        + "\"address_purpose\":\"LOCATION\",\"address_1\":\"1 CHURCH ST\",\"address_2\":\"\","
        + "\"city\":\"BURLINGTON\",\"state\":\"VT\",\"postal_code\":\"054011234\","
        + "\"telephone_number\":\"802-555-0100\"}],\"taxonomies\":[{\"code\":\"207Q00000X\","
        + "\"desc\":\"Family Medicine\",\"primary\":true,\"state\":\"VT\",\"license\":\"042.0012345\"}]}";
  }
}
