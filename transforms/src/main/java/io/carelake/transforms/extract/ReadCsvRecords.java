package io.carelake.transforms.extract;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.BadRecord;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.schemas.SourceRecord;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads header-driven, RFC 4180 CSV landing files (gzipped when the name ends in {@code .gz}) into
 * source records: header name to raw value, with the record's first line and original text.
 *
 * <p>A record that cannot be read becomes a bad record of stage {@code parse} carrying every rule it
 * broke ({@link CsvRules}); the rest of its file is still read. A file whose header is missing or
 * unusable, or that cannot be read, becomes a file problem and none of its records are emitted, except
 * when reading fails mid-file after records were already emitted. Files are streamed, never held whole.
 */
@AutoValue
public abstract class ReadCsvRecords extends PTransform<PCollection<LandingFile>, CsvReadResult> {
  public static final String STAGE = "parse";

  abstract String pipelineName();

  abstract String runId();

  abstract char delimiter();

  abstract String charset();

  abstract int maxRecordChars();

  abstract Builder toBuilder();

  /**
   * Comma-delimited UTF-8 with records of at most 1 Mi characters; {@code pipeline} and {@code runId}
   * go on the bad records.
   */
  public static ReadCsvRecords of(String pipeline, String runId) {
    checkArgument(pipeline != null && !pipeline.isBlank(), "pipeline must not be blank");
    checkArgument(runId != null && !runId.isBlank(), "runId must not be blank");
    return new AutoValue_ReadCsvRecords.Builder()
        .setPipelineName(pipeline)
        .setRunId(runId)
        .setDelimiter(',')
        .setCharset(StandardCharsets.UTF_8.name())
        .setMaxRecordChars(1024 * 1024)
        .build();
  }

  public ReadCsvRecords withDelimiter(char delimiter) {
    checkArgument(delimiter != '"' && delimiter != '\r' && delimiter != '\n',
        "delimiter must not be a quote or a line break");
    return toBuilder().setDelimiter(delimiter).build();
  }

  public ReadCsvRecords withCharset(String charset) {
    checkArgument(charset != null && isSupported(charset), "unsupported charset %s", charset);
    return toBuilder().setCharset(Charset.forName(charset).name()).build();
  }

  /** Longer records are bad records, so one broken quote cannot pull a whole file into memory. */
  public ReadCsvRecords withMaxRecordChars(int maxRecordChars) {
    checkArgument(maxRecordChars > 0, "maxRecordChars must be positive");
    return toBuilder().setMaxRecordChars(maxRecordChars).build();
  }

  @Override
  public CsvReadResult expand(PCollection<LandingFile> files) {
    TupleTag<SourceRecord> records = new TupleTag<>() {};
    TupleTag<BadRecord> failures = new TupleTag<>() {};
    TupleTag<FileProblem> fileProblems = new TupleTag<>() {};
    PCollectionTuple read = files.apply("ReadRecords",
        ParDo.of(new ReadCsvFileFn(pipelineName(), runId(), delimiter(), charset(), maxRecordChars(),
                records, failures, fileProblems))
            .withOutputTags(records, TupleTagList.of(failures).and(fileProblems)));
    return CsvReadResult.of(
        read.get(records).setCoder(SchemaCoders.of(SourceRecord.class)),
        read.get(failures).setCoder(SchemaCoders.of(BadRecord.class)),
        read.get(fileProblems).setCoder(SchemaCoders.of(FileProblem.class)));
  }

  private static boolean isSupported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setPipelineName(String pipelineName);

    abstract Builder setRunId(String runId);

    abstract Builder setDelimiter(char delimiter);

    abstract Builder setCharset(String charset);

    abstract Builder setMaxRecordChars(int maxRecordChars);

    abstract ReadCsvRecords build();
  }
}
