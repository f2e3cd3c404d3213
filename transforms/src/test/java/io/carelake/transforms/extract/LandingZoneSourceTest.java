package io.carelake.transforms.extract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.carelake.schemas.LandingFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The watched landing zone: each new file once, watermark at the last listing, and an end when idle. */
@RunWith(JUnit4.class)
public class LandingZoneSourceTest {
  @Rule public final TemporaryFolder landing = new TemporaryFolder();
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private LandingZoneSource source(Duration pollInterval, Duration stopWhenIdle) {
    return new LandingZoneSource(landing.getRoot().getAbsolutePath() + "/*.csv", pollInterval, stopWhenIdle);
  }

  private static List<String> drain(LandingZoneSource.Reader reader, boolean started) throws Exception {
    List<String> names = new ArrayList<>();
    for (boolean more = started; more; more = reader.advance()) {
      names.add(reader.getCurrent().getName());
    }
    return names;
  }

  @Test
  public void newFilesComeOnceInNameOrderAndTheWatermarkIsTheLastListing() throws Exception {
    Files.writeString(landing.getRoot().toPath().resolve("b_20250301.csv"), "x");
    Files.writeString(landing.getRoot().toPath().resolve("a_20250301.csv"), "x");
    Files.writeString(landing.getRoot().toPath().resolve("notes.txt"), "not matched");
    LandingZoneSource.Reader reader = source(Duration.ZERO, null).createReader(PipelineOptionsFactory.create(), null);

    Instant before = Instant.now();
    assertThat(drain(reader, reader.start()), contains("a_20250301.csv", "b_20250301.csv"));
    Instant listedAt = reader.getWatermark();
    assertThat(before, lessThanOrEqualTo(listedAt));

    Files.writeString(landing.getRoot().toPath().resolve("c_20250302.csv"), "x");
    assertThat(reader.advance(), is(true));
    assertThat(reader.getCurrent().getName(), equalTo("c_20250302.csv"));
    assertThat(listedAt, lessThanOrEqualTo(reader.getCurrentTimestamp()));
    assertThat(drain(reader, reader.advance()), is(empty()));
  }

  @Test
  public void aReaderRestoredFromACheckpointSkipsWhatWasEmittedButNotWhatWasPending() throws Exception {
    Path zone = landing.getRoot().toPath();
    Files.writeString(zone.resolve("a_20250301.csv"), "x");
    Files.writeString(zone.resolve("b_20250301.csv"), "x");
    LandingZoneSource source = source(Duration.ZERO, null);
    LandingZoneSource.Reader reader = source.createReader(PipelineOptionsFactory.create(), null);
    assertThat(reader.start(), is(true));
    assertThat(reader.getCurrent().getName(), equalTo("a_20250301.csv"));
    LandingZoneSource.Seen checkpoint = CoderUtils.clone(source.getCheckpointMarkCoder(), reader.getCheckpointMark());

    LandingZoneSource.Reader restored = source.createReader(PipelineOptionsFactory.create(), checkpoint);
    assertThat(drain(restored, restored.start()), contains("b_20250301.csv"));
  }

  @Test
  public void aRestoredReaderNeverStampsFilesBeforeTheWatermarkItReportedBefore() throws Exception {
    Instant ahead = Instant.now().plus(Duration.standardHours(1));
    Files.writeString(landing.getRoot().toPath().resolve("a_20250301.csv"), "x");
    LandingZoneSource.Reader reader = source(Duration.ZERO, null)
        .createReader(PipelineOptionsFactory.create(), new LandingZoneSource.Seen(Set.of(), null, ahead));

    assertThat(reader.getWatermark(), equalTo(ahead));
    assertThat(reader.start(), is(true));
    assertThat(ahead.isBefore(reader.getCurrentTimestamp()), is(true));
  }

  @Test
  public void aFileRemovedAndDeliveredAgainIsANewDelivery() throws Exception {
    Path file = landing.getRoot().toPath().resolve("a_20250301.csv");
    Files.writeString(file, "x");
    LandingZoneSource.Reader reader = source(Duration.ZERO, null).createReader(PipelineOptionsFactory.create(), null);
    assertThat(drain(reader, reader.start()), contains("a_20250301.csv"));
    Files.delete(file);
    assertThat(drain(reader, reader.advance()), is(empty()));
    assertThat(reader.getCheckpointMark().paths(), is(empty()));

    Files.writeString(file, "y");
    assertThat(drain(reader, reader.advance()), contains("a_20250301.csv"));
  }

  @Test
  public void anIdleZoneEndsTheSourceAndNotBefore() throws Exception {
    Files.writeString(landing.getRoot().toPath().resolve("a_20250301.csv"), "x");
    LandingZoneSource.Reader reader = source(Duration.ZERO, Duration.millis(300))
        .createReader(PipelineOptionsFactory.create(), null);
    assertThat(drain(reader, reader.start()), contains("a_20250301.csv"));
    assertThat(reader.getWatermark().isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE), is(true));

    Thread.sleep(400);
    assertThat(reader.advance(), is(false));
    assertThat(reader.getWatermark(), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
  }

  @Test
  public void aWatchedZoneEndingWhenIdleRunsToCompletion() throws Exception {
    Files.writeString(landing.getRoot().toPath().resolve("a_20250301.csv"), "x");
    PCollection<LandingFile> files = p.apply(ListLandingFiles.matching(landing.getRoot().getAbsolutePath() + "/*.csv")
        .withPollInterval(Duration.millis(100)).withStopWhenIdleFor(Duration.standardSeconds(1)));

    PAssert.that(files).satisfies(found -> {
      assertThat(found.iterator().next().getName(), equalTo("a_20250301.csv"));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
