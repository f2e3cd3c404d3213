package io.carelake.transforms.windowing;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;

/**
 * Holds a key's elements in state until the watermark passes the end of their window, for stateful
 * DoFns in the global window that must decide a whole window at once (streaming merges, duplicate
 * checks). Elements carry their window's end as timestamp; one event-time timer is kept at the earliest
 * pending end, and {@link #release} hands out the elements of the window whose end fired.
 */
public final class WindowEndBuffer {
  private WindowEndBuffer() {}

  public static <T> void hold(T value, Instant windowEnd, BagState<TimestampedValue<T>> pending,
      ValueState<Instant> timerAt, Timer timer) {
    pending.add(TimestampedValue.of(value, windowEnd));
    Instant scheduled = timerAt.read();
    if (scheduled == null || windowEnd.isBefore(scheduled)) {
      timer.set(windowEnd);
      timerAt.write(windowEnd);
    }
  }

  /** The elements of the window ending at {@code firedAt}; the timer moves to the next pending window. */
  public static <T> List<T> release(Instant firedAt, BagState<TimestampedValue<T>> pending,
      ValueState<Instant> timerAt, Timer timer) {
    List<T> released = new ArrayList<>();
    List<TimestampedValue<T>> later = new ArrayList<>();
    for (TimestampedValue<T> element : pending.read()) {
      if (element.getTimestamp().isAfter(firedAt)) {
        later.add(element);
      } else {
        released.add(element.getValue());
      }
    }
    pending.clear();
    timerAt.clear();
    Instant next = null;
    for (TimestampedValue<T> element : later) {
      pending.add(element);
      next = next == null || element.getTimestamp().isBefore(next) ? element.getTimestamp() : next;
    }
    if (next != null) {
      timer.set(next);
      timerAt.write(next);
    }
    return released;
  }
}
