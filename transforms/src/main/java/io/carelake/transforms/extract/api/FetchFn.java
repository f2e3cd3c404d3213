package io.carelake.transforms.extract.api;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Fetches one request's pages into its in-progress file and renames the file into the landing directory
 * once the request is complete; a request the source could not answer leaves no file and becomes a
 * failure. Filesystem errors are not the source's fault: they fail the bundle, which the runner retries.
 */
final class FetchFn extends DoFn<FetchRequest, LandingFile> {
  private final LandingTarget target;
  private final Endpoints endpoints;
  private final ApiClientSettings settings;
  private final TupleTag<LandingFile> landed;
  private final TupleTag<FileProblem> failed;
  private final TupleTag<FetchWarning> warned;
  private final Counter requests = Metrics.counter(FetchToLanding.class, "fetch_requests");
  private final Counter pages = Metrics.counter(FetchToLanding.class, "pages_landed");
  private final Counter failures = Metrics.counter(FetchToLanding.class, "fetch_failures");
  private final Counter truncations = Metrics.counter(FetchToLanding.class, "fetch_truncations");
  private transient Map<String, SourceFetcher> fetchers;

  FetchFn(LandingTarget target, Endpoints endpoints, ApiClientSettings settings, TupleTag<LandingFile> landed,
      TupleTag<FileProblem> failed, TupleTag<FetchWarning> warned) {
    this.target = target;
    this.endpoints = endpoints;
    this.settings = settings;
    this.landed = landed;
    this.failed = failed;
    this.warned = warned;
  }

  @Setup
  public void setup() {
    ApiClient client = ApiClient.create(settings);
    fetchers = new HashMap<>();
    for (String source : FetchRequest.SOURCES) {
      fetchers.put(source, endpoints.fetcherFor(source, client));
    }
  }

  @ProcessElement
  public void process(@Element FetchRequest request, MultiOutputReceiver out)
      throws IOException, InterruptedException {
    requests.inc();
    SourceFetcher fetcher = fetchers.get(request.getSource());
    if (fetcher == null) {
      failures.inc();
      out.get(failed).output(FileProblem.failed(target.landingFile(request, 0), "source.unknown: no fetcher for this source"));
      return;
    }
    ResourceId inProgress = target.inProgressFile(request);
    long[] size = {0};
    List<String> warnings;
    try {
      try (OutputStream file = new BufferedOutputStream(
          Channels.newOutputStream(FileSystems.create(inProgress, "application/x-ndjson")), 1 << 16)) {
        warnings = fetcher.fetch(request.getCriteria(), page -> {
          byte[] line = LandingLines.line(request.getSource(), page);
          file.write(line);
          size[0] += line.length;
          pages.inc();
        });
      }
    } catch (SourceException e) {
      FileSystems.delete(List.of(inProgress), StandardMoveOptions.IGNORE_MISSING_FILES);
      failures.inc();
      out.get(failed).output(FileProblem.failed(target.landingFile(request, 0), e.problem()));
      return;
    }
    FileSystems.rename(List.of(inProgress), List.of(target.finalFile(request)));
    LandingFile file = target.landingFile(request, size[0]);
    out.get(landed).output(file);
    for (String warning : warnings) {
      truncations.inc();
      out.get(warned).output(FetchWarning.of(file, warning));
    }
  }
}
