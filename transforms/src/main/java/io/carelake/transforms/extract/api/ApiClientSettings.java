package io.carelake.transforms.extract.api;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.time.Duration;

/**
 * How an {@link ApiClient} treats a public API: how often it tries a request, how long it waits between
 * tries, how fast it may call, and how long one call may take. The defaults are polite to free public
 * services (at most 10 requests a second per client, five tries over about 8 seconds of back-off).
 */
@AutoValue
public abstract class ApiClientSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract int maxAttempts();

  public abstract Duration baseBackoff();

  public abstract Duration maxBackoff();

  /** The longest {@code Retry-After} honoured; a server asking for more gets this much. */
  public abstract Duration maxRetryAfter();

  public abstract Duration minInterval();

  public abstract Duration requestTimeout();

  public abstract String userAgent();

  abstract Builder toBuilder();

  public static ApiClientSettings defaults() {
    return new AutoValue_ApiClientSettings.Builder()
        .setMaxAttempts(5)
        .setBaseBackoff(Duration.ofMillis(500))
        .setMaxBackoff(Duration.ofSeconds(30))
        .setMaxRetryAfter(Duration.ofMinutes(5))
        .setMinInterval(Duration.ofMillis(100))
        .setRequestTimeout(Duration.ofSeconds(60))
        .setUserAgent("CareLake reference-data fetcher (Apache Beam; java.net.http)")
        .build();
  }

  public ApiClientSettings withMaxAttempts(int maxAttempts) {
    checkArgument(maxAttempts >= 1, "maxAttempts must be at least 1");
    return toBuilder().setMaxAttempts(maxAttempts).build();
  }

  /** First wait after a failed try; each further wait doubles, up to {@code max}, with random jitter. */
  public ApiClientSettings withBackoff(Duration base, Duration max) {
    checkArgument(!base.isNegative() && !max.isNegative(), "back-off must not be negative");
    checkArgument(base.compareTo(max) <= 0, "base back-off must not exceed the maximum");
    return toBuilder().setBaseBackoff(base).setMaxBackoff(max).build();
  }

  public ApiClientSettings withMaxRetryAfter(Duration maxRetryAfter) {
    checkArgument(!maxRetryAfter.isNegative(), "maxRetryAfter must not be negative");
    return toBuilder().setMaxRetryAfter(maxRetryAfter).build();
  }

  /** The shortest time between the starts of two requests of one client. */
  public ApiClientSettings withMinInterval(Duration minInterval) {
    checkArgument(!minInterval.isNegative(), "minInterval must not be negative");
    return toBuilder().setMinInterval(minInterval).build();
  }

  public ApiClientSettings withRequestTimeout(Duration requestTimeout) {
    checkArgument(!requestTimeout.isNegative() && !requestTimeout.isZero(), "requestTimeout must be positive");
    return toBuilder().setRequestTimeout(requestTimeout).build();
  }

  public ApiClientSettings withUserAgent(String userAgent) {
    checkArgument(userAgent != null && userAgent.contains("CareLake"), "the User-Agent must name CareLake");
    return toBuilder().setUserAgent(userAgent).build();
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setMaxAttempts(int maxAttempts);

    abstract Builder setBaseBackoff(Duration baseBackoff);

    abstract Builder setMaxBackoff(Duration maxBackoff);

    abstract Builder setMaxRetryAfter(Duration maxRetryAfter);

    abstract Builder setMinInterval(Duration minInterval);

    abstract Builder setRequestTimeout(Duration requestTimeout);

    abstract Builder setUserAgent(String userAgent);

    abstract ApiClientSettings build();
  }
}
