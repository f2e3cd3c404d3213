package io.carelake.pipelines.reference;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import io.carelake.pipelines.BronzeRows;
import io.carelake.pipelines.ReadReport;
import io.carelake.pipelines.ReadReporter;
import io.carelake.schemas.BadRecord;
import io.carelake.schemas.BronzeRecord;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Reference;
import io.carelake.schemas.SchemaCoders;
import io.carelake.schemas.Violation;
import io.carelake.transforms.extract.CsvFileReader;
import io.carelake.transforms.extract.FileSplit;
import io.carelake.transforms.extract.ReadCsvRecords;
import io.carelake.transforms.extract.ToBronzeRecords;
import io.carelake.transforms.extract.Utf8OrWindows1252;
import io.carelake.transforms.quality.ProgressLog;
import io.carelake.transforms.tables.TableSink;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;

/**
 * Reads NPPES bulk files (the monthly {@code npidata_pfile} and its weekly increments) in splits, doing each
 * record's work where it is read: its non-blank values into bronze, its kept columns typed into a silver
 * provider record, or the record quarantined with every rule it breaks. A file whose header has no NPI
 * column is not read: its audit row says so.
 *
 * <p>Bronze keeps a record's non-blank values only. Of the file's 330 columns a record fills about 40, and
 * a blank value and a missing one are the same in NPPES's files; the record's hash is of its whole text.
 */
final class ReadNppesBulkFiles extends PTransform<PCollection<LandingFile>, ReadNppesBulkFiles.Result> {
  static final String VALIDATE_STAGE = "validate";

  private final String pipeline;
  private final ProviderRules rules;
  private final String runId;
  private final Instant ingestedAt;
  private final TableSink bronze;
  private final TableSink quarantine;
  private final long splitBytes;

  ReadNppesBulkFiles(String pipeline, ProviderRules rules, String runId, Instant ingestedAt, TableSink bronze,
      TableSink quarantine, long splitBytes) {
    checkArgument(bronze.rowSchema().equals(SchemaCoders.of(BronzeRecord.class).getSchema()),
        "the bronze sink must take bronze records");
    checkArgument(quarantine.rowSchema().equals(SchemaCoders.of(BadRecord.class).getSchema()),
        "the quarantine sink must take bad records");
    this.pipeline = pipeline;
    this.rules = rules;
    this.runId = runId;
    this.ingestedAt = ingestedAt;
    this.bronze = bronze;
    this.quarantine = quarantine;
    this.splitBytes = splitBytes;
  }

  /** The silver provider records, and one report per bundle of what else reading did. */
  record Result(PCollection<Row> providers, PCollection<ReadReport> reports) implements POutput {
    @Override
    public Pipeline getPipeline() {
      return providers.getPipeline();
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(new TupleTag<Row>("providers"), providers, new TupleTag<ReadReport>("reports"), reports);
    }

    @Override
    public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
  }

  @Override
  public Result expand(PCollection<LandingFile> files) {
    TupleTag<Row> providers = new TupleTag<>() {};
    TupleTag<ReadReport> reports = new TupleTag<>() {};
    long bytesPerSplit = splitBytes;
    PCollectionTuple read = files
        .apply("SplitFiles", FlatMapElements.into(TypeDescriptor.of(FileSplit.class))
            .via((LandingFile file) -> FileSplit.of(file, bytesPerSplit)))
        .setCoder(FileSplit.coder())
        .apply("SpreadSplits", Reshuffle.viaRandomKey())
        .apply("ReadRecords", ParDo.of(new ReadFn(this, reports))
            .withOutputTags(providers, TupleTagList.of(reports)));
    return new Result(read.get(providers).setRowSchema(Reference.PROVIDER),
        read.get(reports).setCoder(new ReadReport.Coder()));
  }

  private static final class ReadFn extends DoFn<FileSplit, Row> {
    private final String pipeline;
    private final ProviderRules rules;
    private final String runId;
    private final Instant ingestedAt;
    private final TableSink bronze;
    private final TableSink quarantine;
    private final TupleTag<ReadReport> reports;
    private final Counter recordsRead = Metrics.counter(ReadNppesBulkFiles.class, "nppes_bulk_records_read");
    private final Counter recordsQuarantined =
        Metrics.counter(ReadNppesBulkFiles.class, "nppes_bulk_records_quarantined");

    private transient CsvFileReader csv;
    private transient ProviderRows providerRows;
    private transient BronzeRows bronzeRows;
    private transient SerializableFunction<BadRecord, Row> badRow;
    private transient ProgressLog progress;
    private transient ReadReporter bundle;

    ReadFn(ReadNppesBulkFiles read, TupleTag<ReadReport> reports) {
      this.pipeline = read.pipeline;
      this.rules = read.rules;
      this.runId = read.runId;
      this.ingestedAt = read.ingestedAt;
      this.bronze = read.bronze;
      this.quarantine = read.quarantine;
      this.reports = reports;
    }

    @Setup
    public void setup() {
      // NPPES files are UTF-8; a stray Windows-1252 byte is read as such rather than failing the file.
      csv = new CsvFileReader(',', Utf8OrWindows1252.charset(), 1024 * 1024);
      providerRows = new ProviderRows(rules, runId, ingestedAt);
      bronzeRows = new BronzeRows(bronze.rowSchema(), runId, ingestedAt);
      badRow = SchemaCoders.of(BadRecord.class).getToRowFunction();
      progress = new ProgressLog(pipeline + " NPPES bulk records read");
    }

    @StartBundle
    public void startBundle() {
      bundle = ReadReporter.open(bronze, quarantine);
    }

    @ProcessElement
    public void process(@Element FileSplit split, BoundedWindow window, OutputReceiver<Row> out) {
      LandingFile file = split.file();
      FileRecords records = new FileRecords(file, window, out);
      String problem = csv.read(split, records);
      if (problem == null && records.missing != null) {
        problem = "header.npi: " + records.missing;
      }
      bundle.fileRead(window, file, records.read, records.quarantined, problem);
      recordsRead.inc(records.read);
      recordsQuarantined.inc(records.quarantined);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      bundle.finish(context, reports);
      bundle = null;
    }

    @Teardown
    public void teardown() {
      if (bundle != null) {
        bundle.close();
      }
    }

    /** What one split's records become, as the CSV reader hands them over. */
    private final class FileRecords implements CsvFileReader.Records {
      private final LandingFile file;
      private final BoundedWindow window;
      private final OutputReceiver<Row> out;
      private List<String> header;
      private NppesBulkColumns.Positions positions;
      private String missing;
      private long read;
      private long quarantined;

      FileRecords(LandingFile file, BoundedWindow window, OutputReceiver<Row> out) {
        this.file = file;
        this.window = window;
        this.out = out;
      }

      @Override
      public void record(long lineNumber, List<String> header, List<String> values, String text) {
        if (!header.equals(this.header)) {
          this.header = header;
          positions = NppesBulkColumns.positionsIn(header);
          missing = positions.missing();
        }
        if (missing != null) {
          // The file fails whole, with its audit row: its records are neither rows nor quarantined.
          return;
        }
        read++;
        progress.add(1);
        bundle.bronze(bronzeRows.of(file, lineNumber, ToBronzeRecords.recordSha256(text),
            new NonBlankValues(header, values)), window);
        ProviderRows.Typed typed =
            providerRows.type(positions.draft(values), Reference.SOURCE_BULK, file.getName(), lineNumber);
        if (typed.row() == null) {
          quarantine(VALIDATE_STAGE, lineNumber, typed.violations(), text);
          return;
        }
        out.output(typed.row());
      }

      @Override
      public void badRecord(long lineNumber, List<Violation> violations, String text) {
        read++;
        progress.add(1);
        quarantine(ReadCsvRecords.STAGE, lineNumber, violations, text);
      }

      private void quarantine(String stage, long lineNumber, List<Violation> violations, String text) {
        quarantined++;
        bundle.quarantine(badRow.apply(BadRecord.builder()
            .setPipeline(pipeline).setStage(stage).setViolations(violations)
            .setSourceFile(file.getName()).setLineNumber(lineNumber).setClientId(file.getClientId())
            .setRunId(runId).setPayload(text).setRecordedAt(Instant.now())
            .build()), window);
      }
    }
  }

  /** A record's non-blank values by header, over the two lists as they are (copied once), for bronze. */
  private static final class NonBlankValues extends AbstractMap<String, String> {
    private final List<String> header;
    private final String[] values;
    private final int size;

    NonBlankValues(List<String> header, List<String> values) {
      this.header = header;
      this.values = values.toArray(new String[0]);
      int filled = 0;
      for (String value : this.values) {
        if (!value.isEmpty()) {
          filled++;
        }
      }
      this.size = filled;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, String>> iterator() {
          return new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
              int i = from;
              while (i < values.length && values[i].isEmpty()) {
                i++;
              }
              return i;
            }

            @Override
            public boolean hasNext() {
              return next < values.length;
            }

            @Override
            public Entry<String, String> next() {
              if (!hasNext()) {
                throw new NoSuchElementException();
              }
              int i = next;
              next = advance(i + 1);
              return new SimpleImmutableEntry<>(header.get(i), values[i]);
            }
          };
        }

        @Override
        public int size() {
          return size;
        }
      };
    }
  }
}
