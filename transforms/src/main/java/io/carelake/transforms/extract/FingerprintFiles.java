package io.carelake.transforms.extract;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.transforms.validate.FailableResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Sets each landing file's content hash: the lowercase hex SHA-256 of its bytes as delivered, by which
 * a re-delivered file is recognised. Reading the whole file also proves it can be loaded: a gzipped
 * file is decompressed to its end, and content with a NUL byte in its first 64 KiB is not text. Files
 * that cannot be read become failures ({@code read.io}, {@code read.gzip}, {@code read.not_text}).
 *
 * <p>Files are streamed, so their size is bounded by the filesystem, not by worker memory.
 */
public final class FingerprintFiles extends PTransform<PCollection<LandingFile>, FailableResult<LandingFile, FileProblem>> {
  private static final int TEXT_PROBE_BYTES = 64 * 1024;

  private FingerprintFiles() {}

  public static FingerprintFiles create() {
    return new FingerprintFiles();
  }

  @Override
  public FailableResult<LandingFile, FileProblem> expand(PCollection<LandingFile> files) {
    TupleTag<LandingFile> fingerprinted = new TupleTag<>() {};
    TupleTag<FileProblem> failed = new TupleTag<>() {};
    PCollectionTuple read = files.apply("HashContent",
        ParDo.of(new FingerprintFn(fingerprinted, failed)).withOutputTags(fingerprinted, TupleTagList.of(failed)));
    return FailableResult.of(
        read.get(fingerprinted).setCoder(SchemaCoders.of(LandingFile.class)),
        read.get(failed).setCoder(SchemaCoders.of(FileProblem.class)));
  }

  private static final class FingerprintFn extends DoFn<LandingFile, LandingFile> {
    private final TupleTag<LandingFile> fingerprinted;
    private final TupleTag<FileProblem> failed;
    private final Counter hashedFiles = Metrics.counter(FingerprintFiles.class, "files_fingerprinted");
    private final Counter unreadableFiles = Metrics.counter(FingerprintFiles.class, "files_unreadable");

    FingerprintFn(TupleTag<LandingFile> fingerprinted, TupleTag<FileProblem> failed) {
      this.fingerprinted = fingerprinted;
      this.failed = failed;
    }

    @ProcessElement
    public void process(@Element LandingFile file, MultiOutputReceiver out) {
      MessageDigest sha256 = newSha256();
      String problem;
      try (InputStream delivered = LandingFileInput.openDelivered(file);
          DigestInputStream hashed = new DigestInputStream(delivered, sha256);
          InputStream content = LandingFileInput.content(file, hashed)) {
        boolean text = readToEndLookingForText(content);
        // The gzip decoder stops at its trailer; whatever follows is still part of the delivery.
        hashed.transferTo(OutputStream.nullOutputStream());
        problem = text ? null : LandingFileInput.READ_NOT_TEXT + ": binary content";
      } catch (IOException e) {
        problem = LandingFileInput.describe(file, e);
      }
      if (problem == null) {
        hashedFiles.inc();
        out.get(fingerprinted).output(
            file.toBuilder().setContentSha256(HexFormat.of().formatHex(sha256.digest())).build());
      } else {
        unreadableFiles.inc();
        out.get(failed).output(FileProblem.failed(file, problem));
      }
    }

    /** Reads the content to its end; false when a NUL byte shows up in its first 64 KiB. */
    private static boolean readToEndLookingForText(InputStream content) throws IOException {
      byte[] buffer = new byte[8192];
      long probed = 0;
      boolean text = true;
      for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
        for (int i = 0; i < n && probed < TEXT_PROBE_BYTES; i++, probed++) {
          text &= buffer[i] != 0;
        }
      }
      return text;
    }

    private static MessageDigest newSha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }
  }
}
