package io.carelake.pipelines;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.SchemaCoders;
import io.carelake.transforms.tables.TableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * What a read step did besides making its rows, for one bundle and window: the bronze and quarantine
 * files it wrote, its counts of records per file, and the files it could not read. One small element per
 * bundle: the rows are the only per-record output of the read.
 *
 * @param tallies (file, (tally, count)), as {@code AssembleFileAudit} sums them
 */
public record ReadReport(List<TableFiles> bronze, List<TableFiles> quarantine, List<KV<String, KV<String, Long>>> tallies,
    List<FileProblem> problems) {

  public ReadReport {
    bronze = List.copyOf(bronze);
    quarantine = List.copyOf(quarantine);
    tallies = List.copyOf(tallies);
    problems = List.copyOf(problems);
  }

  /** The bronze files of every report. */
  public static PCollection<TableFiles> bronzeFiles(PCollection<ReadReport> reports) {
    return reports.apply("BronzeFiles", parts(ReadReport::bronze, TypeDescriptor.of(TableFiles.class)))
        .setCoder(TableFiles.coder());
  }

  /** The quarantine files of every report. */
  public static PCollection<TableFiles> quarantineFiles(PCollection<ReadReport> reports) {
    return reports.apply("QuarantineFiles", parts(ReadReport::quarantine, TypeDescriptor.of(TableFiles.class)))
        .setCoder(TableFiles.coder());
  }

  /** The counts of every report, in parts to be summed per file and tally. */
  public static PCollection<KV<String, KV<String, Long>>> tallies(PCollection<ReadReport> reports) {
    return reports.apply("Tallies", parts(ReadReport::tallies, TypeDescriptors.kvs(TypeDescriptors.strings(),
        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))));
  }

  /** The files every report could not read. */
  public static PCollection<FileProblem> problems(PCollection<ReadReport> reports) {
    return reports.apply("FileProblems", parts(ReadReport::problems, TypeDescriptor.of(FileProblem.class)))
        .setCoder(SchemaCoders.of(FileProblem.class));
  }

  private static <T> FlatMapElements<ReadReport, T> parts(SerializableFunction<ReadReport, List<T>> part,
      TypeDescriptor<T> type) {
    return FlatMapElements.into(type).via(part::apply);
  }

  public static final class Coder extends CustomCoder<ReadReport> {
    private static final ListCoder<TableFiles> FILES = ListCoder.of(TableFiles.coder());
    private static final ListCoder<KV<String, KV<String, Long>>> TALLIES =
        ListCoder.of(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
    private static final ListCoder<FileProblem> PROBLEMS = ListCoder.of(SchemaCoders.of(FileProblem.class));

    @Override
    public void encode(ReadReport report, OutputStream out) throws IOException {
      FILES.encode(report.bronze(), out);
      FILES.encode(report.quarantine(), out);
      TALLIES.encode(report.tallies(), out);
      PROBLEMS.encode(report.problems(), out);
    }

    @Override
    public ReadReport decode(InputStream in) throws IOException {
      return new ReadReport(FILES.decode(in), FILES.decode(in), TALLIES.decode(in), PROBLEMS.decode(in));
    }

    // Equal coders let runners combine the reports of several read steps (Flink's batch union requires it).
    @Override
    public boolean equals(Object other) {
      return other instanceof Coder;
    }

    @Override
    public int hashCode() {
      return Coder.class.hashCode();
    }
  }
}
