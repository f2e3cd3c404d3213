package io.carelake.transforms.quality;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, at most every ten seconds, how many things a worker thread has handled and how fast: progress of
 * a long run on any runner, from the workers, since not every runner reports metrics while it runs. Only
 * counts are logged, never elements. One per DoFn instance (it is not thread-safe).
 */
public final class ProgressLog {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
  private static final long INTERVAL_MILLIS = 10_000;

  private final String what;
  private final long startedMillis = System.currentTimeMillis();
  private long loggedMillis = startedMillis;
  private long count;

  /** {@code what} names the things in the log line, e.g. "members records read". */
  public ProgressLog(String what) {
    this.what = what;
  }

  /** Counts {@code more} things, and logs if it is time to. */
  public void add(long more) {
    long before = count;
    count += more;
    // The clock is read once per 1,024 things.
    if ((before >>> 10) != (count >>> 10)) {
      long now = System.currentTimeMillis();
      if (now - loggedMillis >= INTERVAL_MILLIS) {
        loggedMillis = now;
        LOG.info("{}: {} so far on this worker, {}/s", what, count, count * 1000 / Math.max(1, now - startedMillis));
      }
    }
  }
}
