package io.carelake.transforms.extract.api;

import java.io.Serializable;

/** The sources' base URLs and paging limits, from which each worker builds its fetchers. */
record Endpoints(String nppesBaseUrl, String icd10cmBaseUrl, String hcpcsBaseUrl, int nppesPageSize,
    int nppesMaxSkip, int clinicalTablesPageSize, int clinicalTablesMaxReachable) implements Serializable {

  SourceFetcher fetcherFor(String source, ApiClient client) {
    switch (source) {
      case FetchRequest.NPPES_API:
        return new NppesFetcher(client, nppesBaseUrl, nppesPageSize, nppesMaxSkip);
      case FetchRequest.ICD10CM:
        return ClinicalTablesFetcher.icd10cm(client, icd10cmBaseUrl, clinicalTablesPageSize, clinicalTablesMaxReachable);
      case FetchRequest.HCPCS:
        return ClinicalTablesFetcher.hcpcs(client, hcpcsBaseUrl, clinicalTablesPageSize, clinicalTablesMaxReachable);
      default:
        throw new IllegalArgumentException("no fetcher for source " + source);
    }
  }
}
