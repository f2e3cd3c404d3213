package io.carelake.pipelines.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.carelake.pipelines.members.ConfigException;
import io.carelake.transforms.extract.api.ApiClientSettings;
import io.carelake.transforms.extract.api.FetchRequest;
import io.carelake.transforms.extract.api.FetchToLanding;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.channels.Channels;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;

/**
 * What a reference run fetches from the public APIs before it reads its landing zone, as data (a YAML file
 * given with {@code --sources}): NPI Registry queries (each a map of the API's search criteria, split by the
 * extractor past the API's 1,200-result cap), ICD-10-CM and HCPCS search terms, and optionally other
 * endpoints (a mirror, a test server) and how politely to call them. Checked at start-up; errors name the
 * file and the field. The APIs need no key.
 */
final class ReferenceSources implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final int MAX_REQUESTS_PER_SOURCE = 999;

  private final List<FetchRequest> requests;
  private final Map<String, String> endpoints;
  private final ApiClientSettings client;

  private ReferenceSources(List<FetchRequest> requests, Map<String, String> endpoints, ApiClientSettings client) {
    this.requests = List.copyOf(requests);
    this.endpoints = Map.copyOf(endpoints);
    this.client = client;
  }

  static ReferenceSources load(String location) {
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(location, false)))) {
      return parse(location, in);
    } catch (IOException e) {
      throw new ConfigException("--sources: " + location + " cannot be read: " + e.getMessage(), e);
    }
  }

  static ReferenceSources parse(String name, InputStream in) throws IOException {
    SourcesFile file;
    try {
      file = YAML.readValue(in, SourcesFile.class);
    } catch (JsonProcessingException e) {
      throw new ConfigException(name + ": " + e.getOriginalMessage(), e);
    }
    if (file == null) {
      throw new ConfigException(name + ": empty; expected nppes_api, icd10cm or hcpcs");
    }
    List<FetchRequest> requests = new ArrayList<>();
    if (file.nppesApi != null) {
      List<Map<String, String>> queries = file.nppesApi.queries;
      if (queries == null || queries.isEmpty()) {
        throw new ConfigException(name + ": nppes_api.queries: at least one query is required");
      }
      checkCount(name, "nppes_api.queries", queries.size());
      for (int i = 0; i < queries.size(); i++) {
        Map<String, String> query = queries.get(i);
        if (query == null || query.isEmpty()) {
          throw new ConfigException(name + ": nppes_api.queries[" + i + "]: a query needs at least one criterion");
        }
        requests.add(request(name, "nppes_api.queries[" + i + "]", () -> FetchRequest.nppes(requests.size() + 1,
            query)));
      }
    }
    addTerms(name, FetchRequest.ICD10CM, file.icd10cm, requests);
    addTerms(name, FetchRequest.HCPCS, file.hcpcs, requests);
    if (requests.isEmpty()) {
      throw new ConfigException(name + ": nothing to fetch; expected nppes_api, icd10cm or hcpcs");
    }
    Map<String, String> endpoints = file.endpoints == null ? Map.of() : file.endpoints;
    for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
      if (!List.of(FetchRequest.NPPES_API, FetchRequest.ICD10CM, FetchRequest.HCPCS).contains(endpoint.getKey())) {
        throw new ConfigException(name + ": endpoints." + endpoint.getKey() + ": expected nppes_api, icd10cm or hcpcs");
      }
      URI uri;
      try {
        uri = URI.create(endpoint.getValue());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name + ": endpoints." + endpoint.getKey() + ": not a URL", e);
      }
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
        throw new ConfigException(name + ": endpoints." + endpoint.getKey() + ": expected an http(s) URL");
      }
    }
    ApiClientSettings client = ApiClientSettings.defaults();
    if (file.client != null) {
      try {
        if (file.client.maxAttempts != null) {
          client = client.withMaxAttempts(file.client.maxAttempts);
        }
        if (file.client.minIntervalMillis != null) {
          client = client.withMinInterval(Duration.ofMillis(file.client.minIntervalMillis));
        }
        if (file.client.requestTimeoutSeconds != null) {
          client = client.withRequestTimeout(Duration.ofSeconds(file.client.requestTimeoutSeconds));
        }
        if (file.client.backoffMillis != null) {
          client = client.withBackoff(Duration.ofMillis(file.client.backoffMillis), client.maxBackoff());
        }
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name + ": client: " + e.getMessage(), e);
      }
    }
    return new ReferenceSources(requests, endpoints, client);
  }

  List<FetchRequest> requests() {
    return requests;
  }

  /** The extractor, landing into {@code landingDir} as the delivery of {@code day}. */
  FetchToLanding fetchInto(String landingDir, String runId, LocalDate day) {
    FetchToLanding fetch = FetchToLanding.into(landingDir, runId, day).withClientSettings(client);
    if (endpoints.containsKey(FetchRequest.NPPES_API)) {
      fetch = fetch.withNppesBaseUrl(endpoints.get(FetchRequest.NPPES_API));
    }
    if (endpoints.containsKey(FetchRequest.ICD10CM)) {
      fetch = fetch.withIcd10cmBaseUrl(endpoints.get(FetchRequest.ICD10CM));
    }
    if (endpoints.containsKey(FetchRequest.HCPCS)) {
      fetch = fetch.withHcpcsBaseUrl(endpoints.get(FetchRequest.HCPCS));
    }
    return fetch;
  }

  private static void addTerms(String name, String source, Terms terms, List<FetchRequest> requests) {
    if (terms == null) {
      return;
    }
    if (terms.terms == null || terms.terms.isEmpty()) {
      throw new ConfigException(name + ": " + source + ".terms: at least one search term is required");
    }
    checkCount(name, source + ".terms", terms.terms.size());
    for (int i = 0; i < terms.terms.size(); i++) {
      String term = terms.terms.get(i);
      int index = i + 1;
      requests.add(request(name, source + ".terms[" + i + "]", () -> FetchRequest.ICD10CM.equals(source)
          ? FetchRequest.icd10cm(index, term) : FetchRequest.hcpcs(index, term)));
    }
  }

  private static FetchRequest request(String name, String field, java.util.function.Supplier<FetchRequest> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ConfigException(name + ": " + field + ": " + e.getMessage(), e);
    }
  }

  private static void checkCount(String name, String field, int count) {
    if (count > MAX_REQUESTS_PER_SOURCE) {
      throw new ConfigException(name + ": " + field + ": at most " + MAX_REQUESTS_PER_SOURCE
          + " per source and run (each lands as one numbered file)");
    }
  }

  static final class SourcesFile {
    @JsonProperty("nppes_api") NppesQueries nppesApi;
    @JsonProperty("icd10cm") Terms icd10cm;
    @JsonProperty("hcpcs") Terms hcpcs;
    @JsonProperty("endpoints") Map<String, String> endpoints;
    @JsonProperty("client") Client client;
  }

  static final class NppesQueries {
    @JsonProperty("queries") List<Map<String, String>> queries;
  }

  static final class Terms {
    @JsonProperty("terms") List<String> terms;
  }

  static final class Client {
    @JsonProperty("max_attempts") Integer maxAttempts;
    @JsonProperty("min_interval_ms") Long minIntervalMillis;
    @JsonProperty("request_timeout_s") Long requestTimeoutSeconds;
    @JsonProperty("backoff_ms") Long backoffMillis;
  }
}
