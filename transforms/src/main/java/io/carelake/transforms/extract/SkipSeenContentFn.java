package io.carelake.transforms.extract;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.transforms.windowing.WindowEndBuffer;
import java.util.List;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;

/**
 * The streaming form of {@link SkipProcessedFiles} for one content key: remembers the earliest earlier
 * run (from the audit table, read when the run starts) and the file this run read, and decides each
 * window's files once the watermark has passed the window, when the audit rows have all been read.
 *
 * <p>Input values are {@code (earlierRun, null)} for an audit row and {@code (null, file)} for a file
 * delivered in the window that ends at the element's timestamp.
 */
final class SkipSeenContentFn extends DoFn<KV<String, KV<String, LandingFile>>, LandingFile> {
  private static final String EARLIER_RUN = "earlierRun";
  private static final String READ_IN_THIS_RUN = "readInThisRun";
  private static final String PENDING = "pending";
  private static final String TIMER_AT = "timerAt";
  private static final String WINDOW_END = "windowEnd";

  private final boolean reprocess;
  private final TupleTag<LandingFile> toRead;
  private final TupleTag<FileProblem> skipped;

  @StateId(EARLIER_RUN)
  private final StateSpec<ValueState<String>> earlierRunSpec = StateSpecs.value(StringUtf8Coder.of());

  @StateId(READ_IN_THIS_RUN)
  private final StateSpec<ValueState<String>> readInThisRunSpec = StateSpecs.value(StringUtf8Coder.of());

  @StateId(PENDING)
  private final StateSpec<BagState<TimestampedValue<LandingFile>>> pendingSpec =
      StateSpecs.bag(TimestampedValue.TimestampedValueCoder.of(SchemaCoders.of(LandingFile.class)));

  @StateId(TIMER_AT)
  private final StateSpec<ValueState<Instant>> timerAtSpec = StateSpecs.value(InstantCoder.of());

  @TimerId(WINDOW_END)
  private final TimerSpec windowEndSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  SkipSeenContentFn(boolean reprocess, TupleTag<LandingFile> toRead, TupleTag<FileProblem> skipped) {
    this.reprocess = reprocess;
    this.toRead = toRead;
    this.skipped = skipped;
  }

  @ProcessElement
  public void process(@Element KV<String, KV<String, LandingFile>> element, @Timestamp Instant timestamp,
      @StateId(EARLIER_RUN) ValueState<String> earlierRun,
      @StateId(PENDING) BagState<TimestampedValue<LandingFile>> pending,
      @StateId(TIMER_AT) ValueState<Instant> timerAt,
      @TimerId(WINDOW_END) Timer windowEnd) {
    String run = element.getValue().getKey();
    if (run != null) {
      earlierRun.write(ContentOnce.earliest(earlierRun.read() == null ? List.of(run) : List.of(run, earlierRun.read())));
      return;
    }
    WindowEndBuffer.hold(element.getValue().getValue(), timestamp, pending, timerAt, windowEnd);
  }

  @OnTimer(WINDOW_END)
  public void onWindowEnd(@Timestamp Instant windowEndTime,
      @StateId(EARLIER_RUN) ValueState<String> earlierRun,
      @StateId(READ_IN_THIS_RUN) ValueState<String> readInThisRun,
      @StateId(PENDING) BagState<TimestampedValue<LandingFile>> pending,
      @StateId(TIMER_AT) ValueState<Instant> timerAt,
      @TimerId(WINDOW_END) Timer windowEnd,
      MultiOutputReceiver out) {
    List<LandingFile> ofWindow = WindowEndBuffer.release(windowEndTime, pending, timerAt, windowEnd);
    if (!ofWindow.isEmpty()) {
      ContentOnce.Choice choice = ContentOnce.choose(ofWindow, reprocess ? null : earlierRun.read(), readInThisRun.read());
      if (choice.toRead() != null) {
        readInThisRun.write(choice.toRead().getName());
        out.get(toRead).output(choice.toRead());
      }
      choice.skipped().forEach(out.get(skipped)::output);
    }
  }
}
