package io.carelake.transforms.quality;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.value.AutoValue;
import io.carelake.schemas.QualityAlert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * POSTs each alert as JSON to a webhook (Slack, PagerDuty, an internal service) and records the outcome
 * in the alert's {@code delivery} column. A webhook that is down never fails the run: the alert is still
 * written to the alerts table, marked as not delivered.
 */
@AutoValue
public abstract class PostAlertsToWebhook extends PTransform<PCollection<QualityAlert>, PCollection<QualityAlert>> {
  abstract WebhookReference webhook();

  abstract Duration timeout();

  abstract Builder toBuilder();

  public static PostAlertsToWebhook to(WebhookReference webhook) {
    return new AutoValue_PostAlertsToWebhook.Builder().setWebhook(webhook).setTimeout(Duration.ofSeconds(10)).build();
  }

  public PostAlertsToWebhook withTimeout(Duration timeout) {
    checkArgument(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
    return toBuilder().setTimeout(timeout).build();
  }

  @Override
  public PCollection<QualityAlert> expand(PCollection<QualityAlert> alerts) {
    return alerts.apply("PostJson", ParDo.of(new PostFn(webhook(), timeout()))).setCoder(alerts.getCoder());
  }

  /** The JSON body: the alert's columns, nothing else. */
  static String toJson(ObjectMapper mapper, QualityAlert alert) throws IOException {
    ObjectNode body = mapper.createObjectNode()
        .put("run_id", alert.getRunId())
        .put("pipeline", alert.getPipeline())
        .put("alert_type", alert.getAlertType())
        .put("client_id", alert.getClientId())
        .put("file", alert.getFile())
        .put("rows_read", alert.getRowsRead())
        .put("quarantined", alert.getQuarantined())
        .put("invalid_ratio", alert.getInvalidRatio())
        .put("threshold", alert.getThreshold())
        .put("raised_at", alert.getRaisedAt().toString());
    return mapper.writeValueAsString(body);
  }

  private static final class PostFn extends DoFn<QualityAlert, QualityAlert> {
    private final WebhookReference webhook;
    private final Duration timeout;
    private final Counter delivered = Metrics.counter(PostAlertsToWebhook.class, "alerts_delivered");
    private final Counter undelivered = Metrics.counter(PostAlertsToWebhook.class, "alerts_not_delivered");
    private transient HttpClient client;
    private transient ObjectMapper mapper;
    private transient URI uri;

    PostFn(WebhookReference webhook, Duration timeout) {
      this.webhook = webhook;
      this.timeout = timeout;
    }

    @Setup
    public void setup() throws IOException {
      client = HttpClient.newBuilder().connectTimeout(timeout).build();
      mapper = new ObjectMapper();
      uri = webhook.resolve();
    }

    @ProcessElement
    public void process(@Element QualityAlert alert, OutputReceiver<QualityAlert> out) throws IOException {
      HttpRequest request = HttpRequest.newBuilder(uri)
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(toJson(mapper, alert)))
          .build();
      String delivery;
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        delivery = (status / 100 == 2 ? "delivered " : "failed http ") + status;
      } catch (IOException e) {
        delivery = "failed " + e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while posting an alert", e);
      }
      (delivery.startsWith("delivered") ? delivered : undelivered).inc();
      out.output(alert.toBuilder().setDelivery(delivery).build());
    }
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setWebhook(WebhookReference webhook);

    abstract Builder setTimeout(Duration timeout);

    abstract PostAlertsToWebhook build();
  }
}
