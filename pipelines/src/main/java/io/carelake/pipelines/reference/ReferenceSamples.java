package io.carelake.pipelines.reference;

import java.io.IOException;
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
 * version the increment then follows). Small, because the Direct runner, which tests run on, makes a bundle
 * of every key after a grouping.
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
    // Landed API responses (nppes_api_, icd10cm_, hcpcs_YYYYMMDD_<k>.jsonl) join the deliveries here.
    return List.of(List.copyOf(first), List.copyOf(second));
  }
}
