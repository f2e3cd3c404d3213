package io.carelake.transforms.windowing;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.WindowingStrategy;

/**
 * Moves elements into the global window, where per-key state lives across windows, timestamped at the
 * end of the window they were in: a {@link WindowEndBuffer} can then decide each window as a whole, and
 * re-applying the original window function puts its outputs back into the same windows.
 */
public final class IntoGlobalWindowAtWindowEnd<T> extends PTransform<PCollection<T>, PCollection<T>> {
  public static <T> IntoGlobalWindowAtWindowEnd<T> create() {
    return new IntoGlobalWindowAtWindowEnd<>();
  }

  private IntoGlobalWindowAtWindowEnd() {}

  /**
   * The windowing to re-apply to the outputs of a stateful step fed by this transform, so that they land
   * in the windows of {@code input}: same window function and allowed lateness (which {@code Wait.on}
   * and other triggered steps need to be set). Triggers are left at their default: each window is
   * decided once, when the watermark passes its end.
   */
  public static <T> Window<T> backToWindowsOf(PCollection<?> input) {
    WindowingStrategy<?, ?> strategy = input.getWindowingStrategy();
    @SuppressWarnings("unchecked")
    WindowFn<? super T, ?> windowFn = (WindowFn<? super T, ?>) strategy.getWindowFn();
    return Window.<T>into(windowFn).withAllowedLateness(strategy.getAllowedLateness());
  }

  @Override
  public PCollection<T> expand(PCollection<T> elements) {
    WindowFn<?, ?> windowFn = elements.getWindowingStrategy().getWindowFn();
    // Each element must have one window that ends: fixed windows, not the global window (whose end never
    // comes), sliding windows (an element in several) or sessions (windows that merge).
    checkArgument(!(windowFn instanceof GlobalWindows) && windowFn.isNonMerging() && windowFn.assignsToOneWindow(),
        "deciding window by window needs fixed, non-overlapping windows; got %s", windowFn);
    return elements
        .apply("TimestampAtWindowEnd", ParDo.of(new AtWindowEndFn<T>())).setCoder(elements.getCoder())
        .apply("IntoGlobalWindow", Window.into(new GlobalWindows()));
  }

  private static final class AtWindowEndFn<T> extends DoFn<T, T> {
    @ProcessElement
    public void process(@Element T element, BoundedWindow window, OutputReceiver<T> out) {
      out.outputWithTimestamp(element, window.maxTimestamp());
    }
  }
}
