package io.carelake.transforms.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A version of a Google Secret Manager secret, read with the REST API ({@code GET v1/{name}:access})
 * rather than the Secret Manager client library, which would bring gRPC and its own dependency tree into
 * every runner jar for one call per worker.
 */
final class GcpSecretVersion implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final URI ENDPOINT = URI.create("https://secretmanager.googleapis.com/");
  private static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
  /**
   * Project ids (also domain-scoped ones, {@code example.com:project}), secret ids, and a version number
   * or {@code latest}. Checking the characters keeps the name from changing the request URL's path.
   */
  private static final Pattern NAME = Pattern.compile(
      "projects/[A-Za-z0-9.:-]+/secrets/[A-Za-z0-9_-]+/versions/([1-9][0-9]*|latest)");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_CHARS = 300;

  private final String name;
  private final URI endpoint;
  // Null in production: Application Default Credentials are looked up where the secret is read (the
  // worker's service account), not serialised from the launcher.
  private final @Nullable Credentials credentials;

  private GcpSecretVersion(String name, URI endpoint, @Nullable Credentials credentials) {
    this.name = name;
    this.endpoint = endpoint;
    this.credentials = credentials;
  }

  /** The version {@code name} ({@code projects/p/secrets/s/versions/v}); null when it is not one. */
  static @Nullable GcpSecretVersion parse(String name) {
    return NAME.matcher(name).matches() ? new GcpSecretVersion(name, ENDPOINT, null) : null;
  }

  /** The same version read from another endpoint with other credentials: for tests. */
  GcpSecretVersion using(URI endpoint, Credentials credentials) {
    return new GcpSecretVersion(name, endpoint, credentials);
  }

  /**
   * The secret's bytes, checked against their CRC32C when the response has one. {@code what} and
   * {@code reference} name the secret in errors, which never hold its bytes.
   *
   * @throws FileNotFoundException when the secret or version does not exist
   */
  byte[] access(String what, String reference) throws IOException {
    URI uri = endpoint.resolve("v1/" + name + ":access");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
    for (Map.Entry<String, List<String>> header : authorization(uri, what, reference).entrySet()) {
      header.getValue().forEach(value -> request.header(header.getKey(), value));
    }
    HttpResponse<byte[]> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading " + what + " " + reference);
    } catch (IOException e) {
      throw new IOException("cannot reach Secret Manager at " + endpoint + " to read " + what + " " + reference, e);
    }
    byte[] body = response.body();
    try {
      return payload(response.statusCode(), body, what, reference);
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  /** The bearer token (and quota project) headers of the credentials. */
  private Map<String, List<String>> authorization(URI uri, String what, String reference) throws IOException {
    try {
      Credentials resolved = credentials != null ? credentials
          : GoogleCredentials.getApplicationDefault().createScoped(List.of(SCOPE));
      return resolved.getRequestMetadata(uri);
    } catch (IOException e) {
      throw new IOException("no Google credentials to read " + what + " " + reference
          + " (Application Default Credentials): " + e.getMessage(), e);
    }
  }

  private static byte[] payload(int status, byte[] body, String what, String reference) throws IOException {
    if (status == 404) {
      throw new FileNotFoundException("no " + what + " secret version at " + reference + errorOf(status, body));
    }
    if (status == 401 || status == 403) {
      throw new IOException("not allowed to read " + what + " " + reference + errorOf(status, body)
          + "; the credentials need the permission secretmanager.versions.access on the secret"
          + " (role Secret Manager Secret Accessor)");
    }
    if (status != 200) {
      throw new IOException("Secret Manager failed to return " + what + " " + reference + errorOf(status, body));
    }
    JsonNode payload;
    try {
      payload = JSON.readTree(body).path("payload");
    } catch (IOException e) {
      // Without the cause: a parser's message quotes the text around the error, which may be the secret.
      throw new IOException("the Secret Manager response for " + reference + " is not JSON");
    }
    JsonNode data = payload.path("data");
    if (!data.isTextual()) {
      throw new IOException("the Secret Manager response for " + reference + " has no payload.data");
    }
    byte[] secret;
    try {
      secret = Base64.getDecoder().decode(data.textValue());
    } catch (IllegalArgumentException e) {
      throw new IOException("the payload of " + reference + " is not base64");
    }
    JsonNode crc = payload.path("dataCrc32c");
    if (!crc.isMissingNode() && !crc.isNull()) {
      CRC32C actual = new CRC32C();
      actual.update(secret);
      // proto3 JSON writes int64 as a string; accept a number too.
      if (!crc.asText().equals(Long.toString(actual.getValue()))) {
        Arrays.fill(secret, (byte) 0);
        throw new IOException("the payload of " + what + " " + reference
            + " does not match its CRC32C checksum: corrupted in transit");
      }
    }
    return secret;
  }

  /** Google's error status and message: they name the resource and the permission, never the payload. */
  private static String errorOf(int status, byte[] body) {
    String detail = " (HTTP " + status;
    try {
      JsonNode error = JSON.readTree(body).path("error");
      detail += error.path("status").isTextual() ? " " + error.path("status").textValue() : "";
      String message = error.path("message").asText();
      if (!message.isEmpty()) {
        detail += ": " + (message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS) + "..." : message);
      }
    } catch (IOException e) {
      // Not Google's JSON error (a proxy's page): the status code says enough.
    }
    return detail + ")";
  }
}
