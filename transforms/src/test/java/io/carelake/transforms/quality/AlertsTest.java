package io.carelake.transforms.quality;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.sun.net.httpserver.HttpServer;
import io.carelake.schemas.FileAudit;
import io.carelake.schemas.QualityAlert;
import io.carelake.schemas.SchemaCoders;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.collect.Iterables;
import org.joda.time.Instant;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Invalid-ratio alerts, and their delivery to a webhook served on loopback. */
@RunWith(JUnit4.class)
public class AlertsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @Before
  public void startWebhook() throws Exception {
    RECEIVED.clear();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  @After
  public void stopWebhook() {
    server.stop(0);
  }

  private static FileAudit audit(String file, String client, long read, long quarantined, String status) {
    return FileAudit.builder().setRunId("run-1").setPipeline("members").setFile(file).setClientId(client)
        .setSizeBytes(1).setRowsRead(read).setValid(read - quarantined).setQuarantined(quarantined)
        .setStatus(status).setStartedAt(new Instant(0)).setEndedAt(new Instant(0)).build();
  }

  @Test
  public void filesAboveTheirClientsThresholdRaiseAnAlertThatIsPosted() {
    PCollection<FileAudit> audit = pipeline.apply(Create.of(
        audit("acme_1.csv", "acme", 100, 6, FileAudit.PROCESSED),
        audit("acme_2.csv", "acme", 100, 5, FileAudit.PROCESSED),
        audit("lenient_1.csv", "lenient", 100, 30, FileAudit.PROCESSED),
        audit("acme_3.csv", "acme", 0, 0, FileAudit.FAILED))
        .withCoder(SchemaCoders.of(FileAudit.class)));

    PCollection<QualityAlert> alerts = audit
        .apply(RaiseInvalidRatioAlerts.withDefaults().withThresholdPerClient(Map.of("lenient", 0.5)))
        .apply(PostAlertsToWebhook.to(WebhookReference.of(
            "http://127.0.0.1:" + server.getAddress().getPort() + "/hook")));

    PAssert.that(alerts).satisfies(raised -> {
      QualityAlert alert = Iterables.getOnlyElement(raised);
      assertThat(alert.getFile(), equalTo("acme_1.csv"));
      assertThat(alert.getInvalidRatio(), equalTo(0.06));
      assertThat(alert.getThreshold(), equalTo(0.05));
      assertThat(alert.getDelivery(), equalTo("delivered 204"));
      return null;
    });
    pipeline.run().waitUntilFinish();
    String body = Iterables.getOnlyElement(RECEIVED);
    assertThat(body, containsString("\"file\":\"acme_1.csv\""));
    assertThat(body, containsString("\"invalid_ratio\":0.06"));
  }

  @Test
  public void anUnreachableWebhookIsRecordedNotFatal() {
    server.stop(0);
    PCollection<QualityAlert> alerts = pipeline
        .apply(Create.of(audit("acme_1.csv", "acme", 10, 10, FileAudit.PROCESSED)).withCoder(SchemaCoders.of(FileAudit.class)))
        .apply(RaiseInvalidRatioAlerts.withDefaults())
        .apply(PostAlertsToWebhook.to(WebhookReference.of("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"))
            .withTimeout(java.time.Duration.ofSeconds(2)));
    PAssert.that(alerts).satisfies(raised -> {
      assertThat(Iterables.getOnlyElement(raised).getDelivery(), startsWith("failed"));
      assertThat(Iterables.getOnlyElement(raised).getDelivery(), not(containsString("acme")));
      return null;
    });
    pipeline.run();
  }
}
