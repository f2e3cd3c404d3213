package io.carelake.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.joda.time.Duration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** How the watch options become a landing watch, and what they refuse. */
@RunWith(JUnit4.class)
public class LandingWatchTest {
  private static WatchOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(WatchOptions.class);
  }

  @Test
  public void aBatchRunHasNoWatch() {
    assertThat(LandingWatch.from(options()), nullValue());
  }

  @Test
  public void streamingWatchesWithTheDefaultsUntilStopped() {
    LandingWatch watch = LandingWatch.from(options("--streaming=true"));
    assertThat(watch.pollInterval(), equalTo(Duration.standardSeconds(30)));
    assertThat(watch.window(), equalTo(Duration.standardSeconds(60)));
    assertThat(watch.stopWhenIdle(), nullValue());
    assertThat(watch.notifications(), nullValue());
  }

  @Test
  public void idleStopIsInSeconds() {
    LandingWatch watch = LandingWatch.from(options("--streaming=true", "--pollIntervalSeconds=5",
        "--windowSeconds=10", "--stopWhenIdleSeconds=120"));
    assertThat(watch.pollInterval(), equalTo(Duration.standardSeconds(5)));
    assertThat(watch.stopWhenIdle(), equalTo(Duration.standardMinutes(2)));
  }

  @Test
  public void outOfRangeValuesNameTheirOption() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> LandingWatch.from(options("--streaming=true", "--pollIntervalSeconds=0"))).getMessage(),
        containsString("--pollIntervalSeconds"));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> LandingWatch.from(options("--streaming=true", "--windowSeconds=-1"))).getMessage(),
        containsString("--windowSeconds"));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> LandingWatch.from(options("--streaming=true", "--stopWhenIdleSeconds=-5"))).getMessage(),
        containsString("--stopWhenIdleSeconds"));
  }

  @Test
  public void notificationsNeedASourceOnTheClassPath() {
    // The pipelines module has no notification source: the Dataflow runner jar brings the Pub/Sub one.
    assertThat(assertThrows(IllegalArgumentException.class, () -> LandingWatch.from(options("--streaming=true",
        "--landingNotifications=projects/plan/subscriptions/landing"))).getMessage(),
        containsString("Pub/Sub notifications are read by the Dataflow runner jar"));
  }

  @Test
  public void notificationsCannotTellIdleFromQuiet() {
    LandingWatch idle = LandingWatch.of(Duration.standardSeconds(1), Duration.standardSeconds(1), Duration.standardSeconds(9));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> idle.withNotifications("projects/plan/subscriptions/landing")).getMessage(),
        containsString("--stopWhenIdleSeconds"));
  }
}
