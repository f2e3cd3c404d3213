package io.carelake.transforms.extract.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * A polite GET client for public JSON APIs. It paces its requests, retries what may succeed later
 * (408, 429, 5xx, connection failures, timeouts, and a 200 whose body is not JSON, such as a proxy's HTML
 * error page) with exponential back-off and jitter, honours {@code Retry-After}, and gives up at once on
 * other 4xx answers, which would fail again. One instance per worker thread (a DoFn's {@code @Setup}).
 */
public final class ApiClient {
  private static final Counter REQUESTS = Metrics.counter(ApiClient.class, "http_requests");
  private static final Counter RETRIES = Metrics.counter(ApiClient.class, "http_retries");

  private final ApiClientSettings settings;
  private final HttpClient http;
  // A body with anything after its JSON value (a truncated or spliced answer) is not taken as an answer.
  private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private long nextRequestNanos = System.nanoTime();

  private ApiClient(ApiClientSettings settings) {
    this.settings = settings;
    // HTTP/1.1 with keep-alive: one small GET at a time needs no multiplexing, and plain-http
    // endpoints (proxies, test servers) would otherwise be offered an h2c upgrade on every request.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.requestTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  public static ApiClient create(ApiClientSettings settings) {
    return new ApiClient(settings);
  }

  /** GETs a JSON document, trying up to {@code maxAttempts} times. */
  public ApiResponse get(URI uri) throws SourceException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(settings.requestTimeout())
        .header("User-Agent", settings.userAgent())
        .header("Accept", "application/json")
        .build();
    String lastFailure = null;
    Throwable lastCause = null;
    for (int attempt = 1; ; attempt++) {
      Duration retryAfter = null;
      pace();
      REQUESTS.inc();
      Instant fetchedAt = Instant.now();
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status / 100 == 2) {
          String body = new String(response.body(), StandardCharsets.UTF_8);
          Optional<JsonNode> json = parse(body);
          if (json.isPresent()) {
            return new ApiResponse(uri, status, body, json.get(), attempt, fetchedAt);
          }
          lastFailure = "HTTP " + status + " with a body that is not JSON";
        } else if (status == 408 || status == 429 || status / 100 == 5) {
          lastFailure = "HTTP " + status;
          retryAfter = retryAfter(response).orElse(null);
        } else {
          throw SourceException.queryError(uri, "HTTP " + status);
        }
        lastCause = null;
      } catch (HttpTimeoutException e) {
        lastFailure = "no answer within " + settings.requestTimeout();
        lastCause = e;
      } catch (IOException e) {
        lastFailure = e.getClass().getSimpleName();
        lastCause = e;
      }
      if (attempt >= settings.maxAttempts()) {
        throw SourceException.unavailable(uri, attempt, lastFailure, lastCause);
      }
      RETRIES.inc();
      Thread.sleep(delayBeforeAttempt(attempt + 1, retryAfter).toMillis());
    }
  }

  private Optional<JsonNode> parse(String body) {
    try {
      JsonNode node = mapper.readTree(body);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Waits until this client may start another request. */
  private void pace() throws InterruptedException {
    long now = System.nanoTime();
    long wait = nextRequestNanos - now;
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    nextRequestNanos = Math.max(now, nextRequestNanos) + settings.minInterval().toNanos();
  }

  /**
   * Exponential back-off with "equal jitter": half the doubled delay plus a random share of the other
   * half, so that many workers retrying together spread out. A server's {@code Retry-After} wins when
   * longer.
   */
  Duration delayBeforeAttempt(int attempt, Duration retryAfter) {
    long base = settings.baseBackoff().toMillis();
    long doubled = base << Math.min(attempt - 2, 30);
    long capped = Math.min(Math.max(doubled, 0), settings.maxBackoff().toMillis());
    long jittered = capped / 2 + (capped / 2 > 0 ? ThreadLocalRandom.current().nextLong(capped / 2 + 1) : 0);
    if (retryAfter == null) {
      return Duration.ofMillis(jittered);
    }
    long asked = Math.min(retryAfter.toMillis(), settings.maxRetryAfter().toMillis());
    return Duration.ofMillis(Math.max(jittered, asked));
  }

  /** {@code Retry-After} as seconds or as an HTTP date. */
  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      String trimmed = value.trim();
      try {
        return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed))));
      } catch (NumberFormatException notSeconds) {
        try {
          Duration until = Duration.between(Instant.now(),
              ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
          return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException notDate) {
          return Optional.empty();
        }
      }
    });
  }
}
