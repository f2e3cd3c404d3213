package io.carelake.transforms.extract;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.transforms.validate.FailableResult;
import io.carelake.transforms.windowing.IntoGlobalWindowAtWindowEnd;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollection.IsBounded;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Lets each content through once: a fingerprinted file whose content hash an earlier run already
 * processed is skipped (unless reprocessing is asked for), and of several files with the same content
 * in one run only the first by name is read. Skipped files come out as {@code skipped_duplicate}
 * problems, so they still get their audit row.
 *
 * <p>On a watched landing zone (unbounded input) the same choice is made per window, remembering across
 * windows which contents this run has read: a content re-sent an hour later is still a duplicate, and
 * after a restart the audit table tells what the earlier run processed.
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
    if (files.isBounded() == IsBounded.UNBOUNDED) {
      return skipContinuously(files);
    }
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

  /**
   * Streaming: per content key, the earlier runs from the audit table and the file this run read are
   * kept in state; each window's files are decided once the watermark has passed the window, and come
   * out in their windows again.
   */
  private FailableResult<LandingFile, FileProblem> skipContinuously(PCollection<LandingFile> files) {
    KvCoder<String, KV<String, LandingFile>> taggedCoder = KvCoder.of(StringUtf8Coder.of(),
        KvCoder.of(NullableCoder.of(StringUtf8Coder.of()), NullableCoder.of(files.getCoder())));
    TypeDescriptor<KV<String, KV<String, LandingFile>>> tagged =
        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(LandingFile.class)));
    PCollection<KV<String, KV<String, LandingFile>>> earlierRuns = processedHashToRun()
        .apply("TagEarlierRuns", MapElements
            .into(tagged)
            .via(processed -> KV.of(processed.getKey(), KV.of(processed.getValue(), (LandingFile) null))))
        .setCoder(taggedCoder)
        .apply("EarlierRunsInGlobalWindow", Window.into(new GlobalWindows()));
    PCollection<KV<String, KV<String, LandingFile>>> delivered = files
        .apply("TagDeliveredFiles", MapElements
            .into(tagged)
            .via(file -> KV.of(contentKey(file.getClientId(), file.getContentSha256()), KV.of((String) null, file))))
        .setCoder(taggedCoder)
        .apply("FilesAtWindowEnd", IntoGlobalWindowAtWindowEnd.create());

    TupleTag<LandingFile> toRead = new TupleTag<>();
    TupleTag<FileProblem> skipped = new TupleTag<>();
    PCollectionTuple split = PCollectionList.of(earlierRuns).and(delivered)
        .apply("FlattenRunsAndFiles", Flatten.pCollections())
        .apply("ChooseFileToReadPerWindow", ParDo.of(new SkipSeenContentFn(reprocess(), toRead, skipped))
            .withOutputTags(toRead, TupleTagList.of(skipped)));
    return FailableResult.of(
        split.get(toRead).setCoder(files.getCoder()).apply("FilesToReadInWindows", IntoGlobalWindowAtWindowEnd.backToWindowsOf(files)),
        split.get(skipped).setCoder(SchemaCoders.of(FileProblem.class)).apply("SkippedInWindows", IntoGlobalWindowAtWindowEnd.backToWindowsOf(files)));
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
      String earlierRun = reprocess ? null : ContentOnce.earliest(group.getValue().getAll(earlierRuns));
      ContentOnce.Choice choice = ContentOnce.choose(files, earlierRun, null);
      if (choice.toRead() != null) {
        out.get(toRead).output(choice.toRead());
      }
      choice.skipped().forEach(out.get(skipped)::output);
    }
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setProcessedHashToRun(PCollection<KV<String, String>> processedHashToRun);

    abstract Builder setReprocess(boolean reprocess);

    abstract SkipProcessedFiles build();
  }
}
