package io.carelake.transforms.quality;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes elements through and logs, at most every few seconds, how many went by and how fast: progress of
 * a long run on any runner, from the workers, since not every runner reports metrics while it runs.
 * Counts are per worker thread; only counts are logged, never elements.
 */
public final class LogProgress<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long INTERVAL_MILLIS = 10_000;

  private final String what;

  private LogProgress(String what) {
    this.what = what;
  }

  /** {@code what} names the elements in the log line, e.g. "members records read". */
  public static <T> LogProgress<T> of(String what) {
    return new LogProgress<>(what);
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    return input.apply("CountAndLog", ParDo.of(new LogFn<T>(what))).setCoder(input.getCoder());
  }

  private static final class LogFn<T> extends DoFn<T, T> {
    private static final Logger LOG = LoggerFactory.getLogger(LogProgress.class);
    private final String what;
    private transient long count;
    private transient long startedMillis;
    private transient long loggedMillis;

    LogFn(String what) {
      this.what = what;
    }

    @Setup
    public void setup() {
      startedMillis = System.currentTimeMillis();
      loggedMillis = startedMillis;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) {
      out.output(element);
      count++;
      if ((count & 0x3FF) == 0) {
        long now = System.currentTimeMillis();
        if (now - loggedMillis >= INTERVAL_MILLIS) {
          loggedMillis = now;
          LOG.info("{}: {} so far on this worker, {}/s", what, count, count * 1000 / Math.max(1, now - startedMillis));
        }
      }
    }
  }
}
