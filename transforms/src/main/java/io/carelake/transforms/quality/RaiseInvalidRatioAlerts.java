package io.carelake.transforms.quality;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.FileAudit;
import io.carelake.schemas.QualityAlert;
import io.carelake.schemas.SchemaCoders;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;

/**
 * An alert for each processed file whose share of quarantined rows is above its client's threshold: a
 * sign that something changed upstream, in the client's extract or in our rules.
 */
@AutoValue
public abstract class RaiseInvalidRatioAlerts extends PTransform<PCollection<FileAudit>, PCollection<QualityAlert>> {
  public static final double DEFAULT_THRESHOLD = 0.05;

  abstract double defaultThreshold();

  abstract Map<String, Double> thresholdPerClient();

  abstract Builder toBuilder();

  public static RaiseInvalidRatioAlerts withDefaults() {
    return new AutoValue_RaiseInvalidRatioAlerts.Builder()
        .setDefaultThreshold(DEFAULT_THRESHOLD).setThresholdPerClient(Map.of()).build();
  }

  public RaiseInvalidRatioAlerts withDefaultThreshold(double threshold) {
    checkRatio(threshold);
    return toBuilder().setDefaultThreshold(threshold).build();
  }

  public RaiseInvalidRatioAlerts withThresholdPerClient(Map<String, Double> thresholds) {
    thresholds.values().forEach(RaiseInvalidRatioAlerts::checkRatio);
    return toBuilder().setThresholdPerClient(Map.copyOf(thresholds)).build();
  }

  private static void checkRatio(double threshold) {
    checkArgument(threshold >= 0 && threshold <= 1, "an invalid-ratio threshold is in [0, 1], got %s", threshold);
  }

  @Override
  public PCollection<QualityAlert> expand(PCollection<FileAudit> audit) {
    PCollection<QualityAlert> alerts = audit.apply("CompareWithThreshold",
        ParDo.of(new CompareFn(defaultThreshold(), thresholdPerClient())));
    return alerts.setCoder(SchemaCoders.of(QualityAlert.class));
  }

  private static final class CompareFn extends DoFn<FileAudit, QualityAlert> {
    private final double defaultThreshold;
    private final Map<String, Double> thresholdPerClient;

    CompareFn(double defaultThreshold, Map<String, Double> thresholdPerClient) {
      this.defaultThreshold = defaultThreshold;
      this.thresholdPerClient = thresholdPerClient;
    }

    @ProcessElement
    public void process(@Element FileAudit file, OutputReceiver<QualityAlert> out) {
      if (!FileAudit.PROCESSED.equals(file.getStatus()) || file.getRowsRead() == 0) {
        return;
      }
      double threshold = file.getClientId() == null ? defaultThreshold
          : thresholdPerClient.getOrDefault(file.getClientId(), defaultThreshold);
      double ratio = (double) file.getQuarantined() / file.getRowsRead();
      if (ratio > threshold) {
        out.output(QualityAlert.builder()
            .setRunId(file.getRunId())
            .setPipeline(file.getPipeline())
            .setClientId(file.getClientId())
            .setFile(file.getFile())
            .setRowsRead(file.getRowsRead())
            .setQuarantined(file.getQuarantined())
            .setInvalidRatio(ratio)
            .setThreshold(threshold)
            .setRaisedAt(Instant.now())
            .build());
      }
    }
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setDefaultThreshold(double threshold);

    abstract Builder setThresholdPerClient(Map<String, Double> thresholds);

    abstract RaiseInvalidRatioAlerts build();
  }
}
