package io.carelake.transforms.extract.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import io.carelake.transforms.extract.api.ReplayServer.Reply;
import io.carelake.transforms.extract.api.ReplayServer.Served;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ApiClientTest {
  private static final String BODY = Fixtures.resource("nppes_2019_vintage.json");

  private static URI uri(ReplayServer server) {
    return QueryUrls.of(server.url("/api/"), Map.of("last_name", "SMITH", "postal_code", "05401"));
  }

  @Test
  public void unavailableThenAvailableIsRetriedAndCountsItsAttempts() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (ReplayServer server = ReplayServer.start(r -> calls.incrementAndGet() == 1 ? Reply.status(503) : Reply.json(BODY))) {
      ApiResponse response = ApiClient.create(Fixtures.fastClient()).get(uri(server));

      assertThat(response.status(), is(200));
      assertThat(response.attempts(), is(2));
      assertThat(response.body(), equalTo(BODY));
      assertThat(server.served(), hasSize(2));
    }
  }

  @Test
  public void tooManyRequestsWaitsAsLongAsRetryAfterSays() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (ReplayServer server = ReplayServer.start(r -> calls.incrementAndGet() == 1
        ? Reply.status(429).withHeader("Retry-After", "1") : Reply.json(BODY))) {
      ApiResponse response = ApiClient.create(Fixtures.fastClient()).get(uri(server));

      List<Served> served = server.served();
      long waitedMillis = (served.get(1).receivedNanos() - served.get(0).receivedNanos()) / 1_000_000;
      assertThat(response.attempts(), is(2));
      assertThat(waitedMillis, greaterThanOrEqualTo(1000L));
    }
  }

  @Test
  public void htmlPageWithStatus200IsAFailedAttempt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (ReplayServer server = ReplayServer.start(r -> calls.incrementAndGet() == 1
        ? new Reply(200, "<html><body>Service maintenance</body></html>", Map.of("Content-Type", "text/html"))
        : Reply.json(BODY))) {
      ApiResponse response = ApiClient.create(Fixtures.fastClient()).get(uri(server));

      assertThat(response.attempts(), is(2));
      assertThat(response.json().path("result_count").asInt(), is(2));
    }
  }

  @Test
  public void serverThatStaysDownIsUnavailableAfterMaxAttemptsAndTheMessageNamesNoValue() throws Exception {
    try (ReplayServer server = ReplayServer.start(r -> Reply.status(500))) {
      SourceException e = assertThrows(SourceException.class,
          () -> ApiClient.create(Fixtures.fastClient().withMaxAttempts(3)).get(uri(server)));

      assertThat(e.reasonId(), is(SourceException.UNAVAILABLE));
      assertThat(server.served(), hasSize(3));
      assertThat(e.getMessage(), containsString("/api/"));
      assertThat(e.getMessage(), containsString("last_name"));
      assertThat(e.getMessage(), not(containsString("SMITH")));
      assertThat(e.getMessage(), not(containsString("05401")));
    }
  }

  @Test
  public void otherClientErrorsAreNotRetried() throws Exception {
    try (ReplayServer server = ReplayServer.start(r -> Reply.status(404))) {
      SourceException e = assertThrows(SourceException.class,
          () -> ApiClient.create(Fixtures.fastClient()).get(uri(server)));

      assertThat(e.reasonId(), is(SourceException.QUERY_ERROR));
      assertThat(server.served(), hasSize(1));
    }
  }

  @Test
  public void slowAnswerTimesOutAndIsRetried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (ReplayServer server = ReplayServer.start(r -> {
      if (calls.incrementAndGet() == 1) {
        sleep(1500);
      }
      return Reply.json(BODY);
    })) {
      ApiClientSettings settings = Fixtures.fastClient().withRequestTimeout(Duration.ofMillis(300));
      ApiResponse response = ApiClient.create(settings).get(uri(server));

      assertThat(response.attempts(), is(2));
    }
  }

  @Test
  public void requestsAreSpacedAndNameCareLake() throws Exception {
    try (ReplayServer server = ReplayServer.start(r -> Reply.json(BODY))) {
      ApiClient client = ApiClient.create(Fixtures.fastClient().withMinInterval(Duration.ofMillis(100)));
      for (int i = 0; i < 3; i++) {
        client.get(uri(server));
      }

      List<Served> served = server.served();
      long spanMillis = (served.get(2).receivedNanos() - served.get(0).receivedNanos()) / 1_000_000;
      assertThat(spanMillis, greaterThanOrEqualTo(150L));
      assertThat(served.get(0).userAgent(), containsString("CareLake"));
    }
  }

  @Test
  public void backoffDoublesUpToTheCapWithJitterAndRetryAfterWinsWhenLonger() {
    ApiClient client = ApiClient.create(ApiClientSettings.defaults()
        .withBackoff(Duration.ofMillis(100), Duration.ofMillis(1000)));

    for (int i = 0; i < 20; i++) {
      long second = client.delayBeforeAttempt(2, null).toMillis();
      long fifth = client.delayBeforeAttempt(5, null).toMillis();
      long tenth = client.delayBeforeAttempt(10, null).toMillis();
      assertThat(second, greaterThanOrEqualTo(50L));
      assertThat(second, lessThanOrEqualTo(100L));
      assertThat(fifth, greaterThanOrEqualTo(400L));
      assertThat(fifth, lessThanOrEqualTo(800L));
      assertThat(tenth, lessThanOrEqualTo(1000L));
    }
    assertThat(client.delayBeforeAttempt(2, Duration.ofSeconds(7)), equalTo(Duration.ofSeconds(7)));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
