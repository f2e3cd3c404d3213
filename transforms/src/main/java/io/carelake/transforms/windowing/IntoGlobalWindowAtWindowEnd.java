package io.carelake.transforms.windowing;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;

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

  @Override
  public PCollection<T> expand(PCollection<T> elements) {
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
