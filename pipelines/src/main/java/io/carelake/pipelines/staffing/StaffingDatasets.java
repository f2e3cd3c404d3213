package io.carelake.pipelines.staffing;

import io.carelake.schemas.Staffing;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;

/**
 * The two files the staffing pipeline reads, told apart by the client part of their landing name:
 * {@code pbj_YYYYMMDD.csv} (PBJ Daily Nurse Staffing) and {@code provider_info_YYYYMMDD.csv} (Nursing Home
 * Provider Info), optionally gzipped and in numbered parts, like every landing file.
 */
public final class StaffingDatasets {
  public static final String PBJ = "pbj";
  public static final String PROVIDER_INFO = "provider_info";
  public static final List<String> ALL = List.of(PBJ, PROVIDER_INFO);

  private StaffingDatasets() {}

  /** The silver schema a dataset's records become. */
  public static Schema schemaOf(String dataset) {
    switch (dataset) {
      case PBJ:
        return Staffing.DAILY;
      case PROVIDER_INFO:
        return Staffing.PROVIDER_INFO;
      default:
        throw new IllegalArgumentException("no staffing dataset " + dataset);
    }
  }
}
