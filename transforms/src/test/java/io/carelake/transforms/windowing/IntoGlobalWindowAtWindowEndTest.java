package io.carelake.transforms.windowing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertThrows;

import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Deciding window by window needs each element in exactly one window that ends. */
@RunWith(JUnit4.class)
public class IntoGlobalWindowAtWindowEndTest {
  @Rule public final transient TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  public void theGlobalWindowAndOverlappingWindowsAreRefused() {
    PCollection<String> global = p.apply("Global", Create.of("a"));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> global.apply("Move", IntoGlobalWindowAtWindowEnd.create())).getMessage(),
        containsString("fixed, non-overlapping windows"));

    PCollection<String> sliding = p.apply("Sliding", Create.of("a"))
        .apply(Window.into(SlidingWindows.of(Duration.standardMinutes(2)).every(Duration.standardMinutes(1))));
    assertThrows(IllegalArgumentException.class, () -> sliding.apply("MoveSliding", IntoGlobalWindowAtWindowEnd.create()));
  }
}
