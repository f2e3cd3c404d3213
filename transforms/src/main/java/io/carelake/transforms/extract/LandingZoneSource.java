package io.carelake.transforms.extract;

import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.TimestampedValue;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watched landing zone as an unbounded source: the file pattern is listed every poll interval and each
 * file not seen before comes out once, timestamped with the time of the listing that found it; the
 * watermark is the time of the last listing. Optionally the source ends (its watermark goes to the end
 * of time) once no new file has appeared for a while.
 *
 * <p>A source rather than {@code FileIO.match().continuously()}: the Flink runner (Beam 2.62) does not
 * advance the watermark of that splittable DoFn while it runs, so windows downstream fired only when
 * watching stopped; unbounded sources get the runner's own periodic watermarks there. The files seen so
 * far are the checkpoint, so a restored reader does not emit them again. A file is taken once by path:
 * overwriting it under the same name is not a new delivery (deliver under a new name).
 */
final class LandingZoneSource extends UnboundedSource<LandingFile, LandingZoneSource.Seen> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(LandingZoneSource.class);

  private final String filepattern;
  private final Duration pollInterval;
  private final @Nullable Duration stopWhenIdle;

  LandingZoneSource(String filepattern, Duration pollInterval, @Nullable Duration stopWhenIdle) {
    this.filepattern = filepattern;
    this.pollInterval = pollInterval;
    this.stopWhenIdle = stopWhenIdle;
  }

  /** One reader: a landing zone is listed by one worker, the files are read in parallel after it. */
  @Override
  public List<LandingZoneSource> split(int desiredNumSplits, PipelineOptions options) {
    return List.of(this);
  }

  @Override
  public Reader createReader(PipelineOptions options, @Nullable Seen checkpoint) {
    return new Reader(this, checkpoint == null ? new Seen(Set.of(), null, null) : checkpoint);
  }

  @Override
  public Coder<Seen> getCheckpointMarkCoder() {
    return SerializableCoder.of(Seen.class);
  }

  @Override
  public Coder<LandingFile> getOutputCoder() {
    return SchemaCoders.of(LandingFile.class);
  }

  /**
   * The checkpoint: the paths emitted so far (those still in the zone), when the last new one was found,
   * and the last listing, which a restored reader's timestamps never go below.
   */
  static final class Seen implements UnboundedSource.CheckpointMark, Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<String> paths;
    private final @Nullable Instant lastNewFileAt;
    private final @Nullable Instant lastListedAt;

    Seen(Set<String> paths, @Nullable Instant lastNewFileAt, @Nullable Instant lastListedAt) {
      this.paths = Set.copyOf(paths);
      this.lastNewFileAt = lastNewFileAt;
      this.lastListedAt = lastListedAt;
    }

    Set<String> paths() {
      return paths;
    }

    @Override
    public void finalizeCheckpoint() {}
  }

  static final class Reader extends UnboundedSource.UnboundedReader<LandingFile> {
    private final LandingZoneSource source;
    private final Set<String> seen;
    private final Deque<TimestampedValue<LandingFile>> pending = new ArrayDeque<>();
    private final Instant startedAt = Instant.now();
    private @Nullable Instant lastNewFileAt;
    private @Nullable Instant lastListedAt;
    /** The watermark already reported (restored from the checkpoint): no timestamp may fall below it. */
    private final @Nullable Instant restoredWatermark;
    private @Nullable TimestampedValue<LandingFile> current;
    private boolean stopped;

    Reader(LandingZoneSource source, Seen checkpoint) {
      this.source = source;
      this.seen = new HashSet<>(checkpoint.paths);
      this.lastNewFileAt = checkpoint.lastNewFileAt;
      this.restoredWatermark = checkpoint.lastListedAt;
    }

    @Override
    public boolean start() throws IOException {
      return advance();
    }

    @Override
    public boolean advance() throws IOException {
      if (pending.isEmpty() && !stopped
          && (lastListedAt == null || !Instant.now().isBefore(lastListedAt.plus(source.pollInterval)))) {
        list();
      }
      current = pending.poll();
      return current != null;
    }

    private void list() {
      // A reader restored on a worker whose clock is behind must not stamp files before the watermark
      // reported already: they would be late, and their windows already written.
      Instant now = restoredWatermark == null || Instant.now().isAfter(restoredWatermark) ? Instant.now()
          : restoredWatermark.plus(Duration.millis(1));
      List<MatchResult.Metadata> matched;
      try {
        matched = new ArrayList<>(FileSystems.match(source.filepattern, EmptyMatchTreatment.ALLOW).metadata());
      } catch (IOException e) {
        // A listing that fails (a storage hiccup) is tried again at the next poll; the watermark waits.
        LOG.warn("cannot list landing zone {}; trying again in {}: {}", source.filepattern, source.pollInterval, e.toString());
        return;
      }
      matched.sort(Comparator.comparing(file -> file.resourceId().toString()));
      // Forget files gone from the zone, so that the checkpoint does not grow forever; a file delivered
      // again under the same name after a removal is then a new delivery (its content is still checked).
      Set<String> listed = new HashSet<>();
      matched.forEach(file -> listed.add(file.resourceId().toString()));
      seen.retainAll(listed);
      for (MatchResult.Metadata file : matched) {
        String path = file.resourceId().toString();
        if (!file.resourceId().isDirectory() && seen.add(path)) {
          pending.add(TimestampedValue.of(DescribeFileFn.landingFile(file), now));
          lastNewFileAt = now;
        }
      }
      lastListedAt = now;
      Instant idleSince = lastNewFileAt == null ? startedAt : lastNewFileAt;
      stopped = source.stopWhenIdle != null && pending.isEmpty() && !now.isBefore(idleSince.plus(source.stopWhenIdle));
    }

    @Override
    public LandingFile getCurrent() {
      if (current == null) {
        throw new NoSuchElementException();
      }
      return current.getValue();
    }

    @Override
    public Instant getCurrentTimestamp() {
      if (current == null) {
        throw new NoSuchElementException();
      }
      return current.getTimestamp();
    }

    /** The time of the last listing, held at the oldest file not yet emitted; the end of time once stopped. */
    @Override
    public Instant getWatermark() {
      if (stopped && pending.isEmpty()) {
        return BoundedWindow.TIMESTAMP_MAX_VALUE;
      }
      if (!pending.isEmpty()) {
        return pending.peek().getTimestamp();
      }
      if (lastListedAt != null) {
        return lastListedAt;
      }
      return restoredWatermark == null ? BoundedWindow.TIMESTAMP_MIN_VALUE : restoredWatermark;
    }

    /** Files found but not yet emitted are left out, so a reader restored from it finds them again. */
    @Override
    public Seen getCheckpointMark() {
      Set<String> emitted = new HashSet<>(seen);
      pending.forEach(file -> emitted.remove(file.getValue().getPath()));
      return new Seen(emitted, lastNewFileAt, lastListedAt == null ? restoredWatermark : lastListedAt);
    }

    @Override
    public LandingZoneSource getCurrentSource() {
      return source;
    }

    @Override
    public void close() {}
  }
}
