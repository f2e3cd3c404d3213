package io.carelake.pipelines.staffing;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import io.carelake.pipelines.BronzeRows;
import io.carelake.pipelines.ReadReport;
import io.carelake.pipelines.ReadReporter;
import io.carelake.schemas.BadRecord;
import io.carelake.schemas.BronzeRecord;
import io.carelake.schemas.LandingFile;
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
import java.util.ArrayList;
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
 * Reads the files of one staffing dataset in splits, doing each record's work where it is read (the
 * members read's shape, see PERFORMANCE.md): the record as delivered into bronze; its columns found by
 * their configured header names; typed into its silver row, or quarantined with every value that does not
 * parse. Files are decoded as UTF-8 with Windows-1252 for bytes that are not UTF-8, as PBJ files need. A
 * file whose header lacks a required column is not read: its audit row says which column.
 */
final class ReadStaffingFiles extends PTransform<PCollection<LandingFile>, ReadStaffingFiles.Result> {
  static final String TYPE_STAGE = "type";

  private final String pipeline;
  private final String dataset;
  private final StaffingColumns columns;
  private final String runId;
  private final Instant ingestedAt;
  private final TableSink bronze;
  private final TableSink quarantine;
  private final long splitBytes;

  ReadStaffingFiles(String pipeline, String dataset, StaffingColumns columns, String runId, Instant ingestedAt,
      TableSink bronze, TableSink quarantine, long splitBytes) {
    checkArgument(bronze.rowSchema().equals(SchemaCoders.of(BronzeRecord.class).getSchema()),
        "the bronze sink must take bronze records");
    checkArgument(quarantine.rowSchema().equals(SchemaCoders.of(BadRecord.class).getSchema()),
        "the quarantine sink must take bad records");
    this.pipeline = pipeline;
    this.dataset = dataset;
    this.columns = columns;
    this.runId = runId;
    this.ingestedAt = ingestedAt;
    this.bronze = bronze;
    this.quarantine = quarantine;
    this.splitBytes = splitBytes;
  }

  /** The typed silver rows of the dataset, and one report per bundle of what else reading did. */
  record Result(PCollection<Row> rows, PCollection<ReadReport> reports) implements POutput {
    @Override
    public Pipeline getPipeline() {
      return rows.getPipeline();
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(new TupleTag<Row>("rows"), rows, new TupleTag<ReadReport>("reports"), reports);
    }

    @Override
    public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
  }

  @Override
  public Result expand(PCollection<LandingFile> files) {
    TupleTag<Row> rows = new TupleTag<>() {};
    TupleTag<ReadReport> reports = new TupleTag<>() {};
    long bytesPerSplit = splitBytes;
    PCollectionTuple read = files
        .apply("SplitFiles", FlatMapElements.into(TypeDescriptor.of(FileSplit.class))
            .via((LandingFile file) -> FileSplit.of(file, bytesPerSplit)))
        .setCoder(FileSplit.coder())
        .apply("SpreadSplits", Reshuffle.viaRandomKey())
        .apply("ReadRecords", ParDo.of(new ReadFn(this, rows, reports)).withOutputTags(rows, TupleTagList.of(reports)));
    return new Result(read.get(rows).setRowSchema(StaffingDatasets.schemaOf(dataset)),
        read.get(reports).setCoder(new ReadReport.Coder()));
  }

  private static final class ReadFn extends DoFn<FileSplit, Row> {
    private final String pipeline;
    private final String dataset;
    private final StaffingColumns columns;
    private final String runId;
    private final Instant ingestedAt;
    private final TableSink bronze;
    private final TableSink quarantine;
    private final TupleTag<ReadReport> reports;
    private final Counter recordsRead;
    private final Counter recordsQuarantined;

    private transient CsvFileReader csv;
    private transient SilverStaffingRows silverRows;
    private transient BronzeRows bronzeRows;
    private transient SerializableFunction<BadRecord, Row> badRow;
    private transient ProgressLog progress;
    private transient ReadReporter bundle;

    ReadFn(ReadStaffingFiles read, TupleTag<Row> rows, TupleTag<ReadReport> reports) {
      this.pipeline = read.pipeline;
      this.dataset = read.dataset;
      this.columns = read.columns;
      this.runId = read.runId;
      this.ingestedAt = read.ingestedAt;
      this.bronze = read.bronze;
      this.quarantine = read.quarantine;
      this.reports = reports;
      this.recordsRead = Metrics.counter(ReadStaffingFiles.class, dataset + "_records_read");
      this.recordsQuarantined = Metrics.counter(ReadStaffingFiles.class, dataset + "_records_quarantined");
    }

    @Setup
    public void setup() {
      csv = new CsvFileReader(',', Utf8OrWindows1252.charset(), 1024 * 1024);
      silverRows = new SilverStaffingRows(dataset, runId, ingestedAt);
      bronzeRows = new BronzeRows(bronze.rowSchema(), runId, ingestedAt);
      badRow = SchemaCoders.of(BadRecord.class).getToRowFunction();
      progress = new ProgressLog(pipeline + " " + dataset + " records read");
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
      if (problem == null && records.missingColumns != null) {
        problem = StaffingValues.REQUIRED + ": the header has no " + records.missingColumns;
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
      private StaffingColumns.Positions positions;
      private String missingColumns;
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
          positions = columns.positionsIn(dataset, header);
          missingColumns = positions.missingRequired().isEmpty() ? null : String.join(", ", positions.missingRequired());
        }
        if (missingColumns != null) {
          // The file fails whole, with its audit row: its records are neither rows nor quarantined.
          return;
        }
        read++;
        progress.add(1);
        bundle.bronze(bronzeRows.of(file, lineNumber, ToBronzeRecords.recordSha256(text),
            new HeaderValues(header, values)), window);
        List<Violation> violations = new ArrayList<>(0);
        Row row = StaffingDatasets.PBJ.equals(dataset)
            ? silverRows.pbj(file, lineNumber, positions, values, violations)
            : silverRows.providerInfo(file, lineNumber, positions, values, violations);
        if (row == null) {
          quarantine(TYPE_STAGE, lineNumber, violations, text);
          return;
        }
        out.output(row);
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

  /**
   * A record's fields as a map from header to value, over the two lists as they are: bronze reads it once,
   * in header order, and a hash map per record would cost more than the write.
   */
  private static final class HeaderValues extends AbstractMap<String, String> {
    private final List<String> header;
    private final List<String> values;

    HeaderValues(List<String> header, List<String> values) {
      this.header = header;
      this.values = List.copyOf(values);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, String>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < header.size();
            }

            @Override
            public Entry<String, String> next() {
              if (!hasNext()) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new SimpleImmutableEntry<>(header.get(i), values.get(i));
            }
          };
        }

        @Override
        public int size() {
          return header.size();
        }
      };
    }
  }
}
