package io.carelake.pipelines.members;

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
import org.apache.beam.sdk.values.KV;

/**
 * What reading rosters did besides making member rows, for one bundle and window: the bronze and
 * quarantine files it wrote, its counts of records per file, and the files it could not read. One small
 * element per bundle: the member rows are the only per-record output of the read.
 *
 * @param tallies (file, (tally, count)), as {@code AssembleFileAudit} sums them
 */
record RosterReport(List<TableFiles> bronze, List<TableFiles> quarantine, List<KV<String, KV<String, Long>>> tallies,
    List<FileProblem> problems) {

  RosterReport {
    bronze = List.copyOf(bronze);
    quarantine = List.copyOf(quarantine);
    tallies = List.copyOf(tallies);
    problems = List.copyOf(problems);
  }

  static final class Coder extends CustomCoder<RosterReport> {
    private static final ListCoder<TableFiles> FILES = ListCoder.of(TableFiles.coder());
    private static final ListCoder<KV<String, KV<String, Long>>> TALLIES =
        ListCoder.of(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
    private static final ListCoder<FileProblem> PROBLEMS = ListCoder.of(SchemaCoders.of(FileProblem.class));

    @Override
    public void encode(RosterReport report, OutputStream out) throws IOException {
      FILES.encode(report.bronze(), out);
      FILES.encode(report.quarantine(), out);
      TALLIES.encode(report.tallies(), out);
      PROBLEMS.encode(report.problems(), out);
    }

    @Override
    public RosterReport decode(InputStream in) throws IOException {
      return new RosterReport(FILES.decode(in), FILES.decode(in), TALLIES.decode(in), PROBLEMS.decode(in));
    }
  }
}
