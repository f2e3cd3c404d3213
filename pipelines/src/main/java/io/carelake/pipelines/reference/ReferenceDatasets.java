package io.carelake.pipelines.reference;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.transforms.extract.LandingContract;
import java.util.List;
import java.util.Set;

/**
 * The files the reference pipeline reads, told apart by the client part of their landing name: NPPES bulk
 * files under NPPES's own name ({@code npidata_pfile_20050523-20250608.csv}) or as {@code nppes_YYYYMMDD.csv},
 * and API responses landed by the extractors ({@code nppes_api_}, {@code icd10cm_}, {@code hcpcs_YYYYMMDD_<k>.jsonl}).
 */
public final class ReferenceDatasets {
  public static final String NPPES_BULK = "npidata_pfile";
  public static final String NPPES_BULK_SHORT = "nppes";
  public static final String NPPES_API = "nppes_api";
  public static final String ICD10CM = "icd10cm";
  public static final String HCPCS = "hcpcs";

  public static final Set<String> BULK = Set.of(NPPES_BULK, NPPES_BULK_SHORT);
  public static final Set<String> API = Set.of(NPPES_API, ICD10CM, HCPCS);
  public static final List<String> ALL = List.of(NPPES_BULK, NPPES_BULK_SHORT, NPPES_API, ICD10CM, HCPCS);

  private ReferenceDatasets() {}

  /** Whether the file is of its dataset's kind: CSV for bulk files, JSON Lines for API landings. */
  static boolean ofItsKind(LandingFile file) {
    String name = file.getName();
    return BULK.contains(file.getClientId()) ? name.endsWith(".csv") || name.endsWith(".csv.gz")
        : name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
  }

  /** Why a file that is not of its dataset's kind is not read. */
  static FileProblem wrongKind(LandingFile file) {
    return FileProblem.rejected(file, LandingContract.NAME_EXTENSION + ": " + file.getClientId() + " files are "
        + (BULK.contains(file.getClientId()) ? ".csv or .csv.gz" : ".jsonl or .jsonl.gz"));
  }
}
