package io.carelake.transforms.tables;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads the rows of a dataset, of every run or of one, as rows of a given schema. Files are listed when
 * the pipeline runs; a dataset nothing was written to yet reads as an empty collection.
 */
@AutoValue
public abstract class ReadDataset extends PTransform<PBegin, PCollection<Row>> {
  abstract DatasetPath dataset();

  abstract Schema schema();

  abstract @Nullable String runId();

  abstract Builder toBuilder();

  public static ReadDataset from(DatasetPath dataset, Schema schema) {
    return new AutoValue_ReadDataset.Builder().setDataset(dataset).setSchema(schema).build();
  }

  /** Reads only what run {@code runId} wrote. */
  public ReadDataset forRun(String runId) {
    LakePaths.checkSegment(runId, "run id");
    return toBuilder().setRunId(runId).build();
  }

  @Override
  public PCollection<Row> expand(PBegin begin) {
    String pattern = runId() == null ? dataset().allFilesPattern() : dataset().runFilesPattern(runId());
    return begin
        .apply("MatchFiles", FileIO.match().filepattern(pattern).withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("OpenFiles", FileIO.readMatches())
        .apply("ReadParquet", RowParquet.read(schema()))
        .setRowSchema(schema());
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setDataset(DatasetPath dataset);

    abstract Builder setSchema(Schema schema);

    abstract Builder setRunId(String runId);

    abstract ReadDataset build();
  }
}
