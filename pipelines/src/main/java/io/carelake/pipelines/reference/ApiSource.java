package io.carelake.pipelines.reference;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The APIs whose responses are landed, by the client id of their landing files
 * ({@code <source>_<YYYYMMDD>_<k>.jsonl}): the NPI Registry, and the NIH Clinical Tables search of ICD-10-CM
 * and HCPCS Level II codes.
 */
enum ApiSource {
  NPPES_API("nppes_api"),
  ICD10CM("icd10cm"),
  HCPCS("hcpcs");

  private final String clientId;

  ApiSource(String clientId) {
    this.clientId = clientId;
  }

  String clientId() {
    return clientId;
  }

  boolean isCodeSystem() {
    return this != NPPES_API;
  }

  static @Nullable ApiSource ofClientId(@Nullable String clientId) {
    for (ApiSource source : values()) {
      if (source.clientId.equals(clientId)) {
        return source;
      }
    }
    return null;
  }
}
