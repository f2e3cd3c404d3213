package io.carelake.transforms.extract;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.transforms.validate.FailableResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Lets each content through once: a fingerprinted file whose content hash an earlier run already
 * processed is skipped (unless reprocessing is asked for), and of several files with the same content
 * in one run only the first by name is read. Skipped files come out as {@code skipped_duplicate}
 * problems, so they still get their audit row.
 */
@AutoValue
public abstract class SkipProcessedFiles
    extends PTransform<PCollection<LandingFile>, FailableResult<LandingFile, FileProblem>> {

  abstract PCollection<KV<String, String>> processedHashToRun();

  abstract boolean reprocess();

  abstract Builder toBuilder();

  /** The key a content is known by: its client and its hash (two clients may send the same bytes). */
  public static String contentKey(String clientId, String contentSha256) {
    return clientId + "/" + contentSha256;
  }

  /**
   * @param processedHashToRun {@link #contentKey} to the run id that processed it, from the audit table
   */
  public static SkipProcessedFiles against(PCollection<KV<String, String>> processedHashToRun) {
    return new AutoValue_SkipProcessedFiles.Builder()
        .setProcessedHashToRun(processedHashToRun).setReprocess(false).build();
  }

  /** Reads content again even if an earlier run processed it (a rule changed, a table was rebuilt). */
  public SkipProcessedFiles withReprocess(boolean reprocess) {
    return toBuilder().setReprocess(reprocess).build();
  }

  /** The files to read as output, and those skipped as duplicates as failures (status skipped_duplicate). */
  @Override
  public FailableResult<LandingFile, FileProblem> expand(PCollection<LandingFile> files) {
    TupleTag<LandingFile> delivered = new TupleTag<>();
    TupleTag<String> earlierRuns = new TupleTag<>();
    PCollection<KV<String, LandingFile>> byHash = files.apply("KeyByContentHash",
        WithKeys.of((LandingFile file) -> contentKey(file.getClientId(), file.getContentSha256())).withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, CoGbkResult>> joined = KeyedPCollectionTuple.of(delivered, byHash)
        .and(earlierRuns, processedHashToRun())
        .apply("JoinWithProcessedHashes", CoGroupByKey.create());

    TupleTag<LandingFile> toRead = new TupleTag<>();
    TupleTag<FileProblem> skipped = new TupleTag<>();
    PCollectionTuple split = joined.apply("ChooseFileToRead",
        ParDo.of(new ChooseFn(delivered, earlierRuns, reprocess(), toRead, skipped))
            .withOutputTags(toRead, TupleTagList.of(skipped)));
    return FailableResult.of(
        split.get(toRead).setCoder(files.getCoder()),
        split.get(skipped).setCoder(SchemaCoders.of(FileProblem.class)));
  }

  private static final class ChooseFn extends DoFn<KV<String, CoGbkResult>, LandingFile> {
    private final TupleTag<LandingFile> delivered;
    private final TupleTag<String> earlierRuns;
    private final boolean reprocess;
    private final TupleTag<LandingFile> toRead;
    private final TupleTag<FileProblem> skipped;

    ChooseFn(TupleTag<LandingFile> delivered, TupleTag<String> earlierRuns, boolean reprocess,
        TupleTag<LandingFile> toRead, TupleTag<FileProblem> skipped) {
      this.delivered = delivered;
      this.earlierRuns = earlierRuns;
      this.reprocess = reprocess;
      this.toRead = toRead;
      this.skipped = skipped;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> group, MultiOutputReceiver out) {
      List<LandingFile> files = new ArrayList<>();
      group.getValue().getAll(delivered).forEach(files::add);
      if (files.isEmpty()) {
        return;
      }
      files.sort(Comparator.comparing(LandingFile::getName));
      String earlierRun = reprocess ? null : earliestOrNull(group.getValue().getAll(earlierRuns));
      int firstSkipped = 0;
      if (earlierRun == null) {
        out.get(toRead).output(files.get(0));
        firstSkipped = 1;
      }
      for (int i = firstSkipped; i < files.size(); i++) {
        String reason = earlierRun != null
            ? "duplicate.content: this content was processed by run " + earlierRun
            : "duplicate.content: same content as " + files.get(0).getName() + " in this run";
        out.get(skipped).output(FileProblem.skippedDuplicate(files.get(i), reason));
      }
    }

    private static String earliestOrNull(Iterable<String> runs) {
      String min = null;
      for (String run : runs) {
        if (min == null || run.compareTo(min) < 0) {
          min = run;
        }
      }
      return min;
    }
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setProcessedHashToRun(PCollection<KV<String, String>> processedHashToRun);

    abstract Builder setReprocess(boolean reprocess);

    abstract SkipProcessedFiles build();
  }
}
