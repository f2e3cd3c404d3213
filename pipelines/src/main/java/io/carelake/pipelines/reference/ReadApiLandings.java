package io.carelake.pipelines.reference;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import io.carelake.pipelines.BronzeRows;
import io.carelake.pipelines.ReadReport;
import io.carelake.pipelines.ReadReporter;
import io.carelake.schemas.BadRecord;
import io.carelake.schemas.BronzeRecord;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Reference;
import io.carelake.schemas.SchemaCoders;
import io.carelake.schemas.Violation;
import io.carelake.transforms.extract.ToBronzeRecords;
import io.carelake.transforms.quality.ProgressLog;
import io.carelake.transforms.tables.TableSink;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
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
import org.joda.time.Instant;

/**
 * Reads landed API responses, a JSON Lines file per landing ({@code <source>_<YYYYMMDD>_<k>.jsonl}, one response
 * a line; source {@code nppes_api}, {@code icd10cm} or {@code hcpcs}), line by line, doing each record's work
 * where it is read, as the staffing and members reads do: every NPI Registry result and every Clinical Tables
 * code is a record, into bronze as delivered (its JSON flattened to path and text), then typed into its
 * silver row or quarantined with every rule it broke. A line that is not a response, or that is the NPI
 * Registry's {@code Errors} answer, is one quarantined record and the file reads on.
 *
 * <p>A record's line number is its response's line times 1,000 plus its index in the page
 * ({@link Reference#LINE_NUMBER}); a line that is quarantined whole has index 0. A file that fails while
 * being read (a broken gzip stream, an I/O error) reports the failure, and keeps what its lines before the
 * damage became: their bronze, quarantine and silver rows stand.
 */
final class ReadApiLandings extends PTransform<PCollection<LandingFile>, ReadApiLandings.Result> {
  static final String PARSE_STAGE = "parse";
  static final String VALIDATE_STAGE = "validate";
  /** A quarantined payload keeps at most this many characters: a whole page can be megabytes. */
  static final int MAX_PAYLOAD_CHARS = 64 * 1024;
  /** Line numbers stay below 10^9, the room a record sequence leaves them. */
  static final long MAX_LINES = 999_999;

  private final String pipeline;
  private final String runId;
  private final Instant ingestedAt;
  private final ProviderRules providerRules;
  private final CodeRules codeRules;
  private final TableSink bronze;
  private final TableSink quarantine;

  ReadApiLandings(String pipeline, String runId, Instant ingestedAt, ProviderRules providerRules, CodeRules codeRules,
      TableSink bronze, TableSink quarantine) {
    checkArgument(bronze.rowSchema().equals(SchemaCoders.of(BronzeRecord.class).getSchema()),
        "the bronze sink must take bronze records");
    checkArgument(quarantine.rowSchema().equals(SchemaCoders.of(BadRecord.class).getSchema()),
        "the quarantine sink must take bad records");
    this.pipeline = pipeline;
    this.runId = runId;
    this.ingestedAt = ingestedAt;
    this.providerRules = providerRules;
    this.codeRules = codeRules;
    this.bronze = bronze;
    this.quarantine = quarantine;
  }

  /** Silver rows of each table ({@link Reference}), and one report per bundle of what else reading did. */
  record Result(PCollection<Row> providers, PCollection<Row> diagnoses, PCollection<Row> procedures,
      PCollection<ReadReport> reports) implements POutput {
    @Override
    public Pipeline getPipeline() {
      return providers.getPipeline();
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(new TupleTag<Row>("providers"), providers, new TupleTag<Row>("diagnoses"), diagnoses,
          new TupleTag<Row>("procedures"), procedures, new TupleTag<ReadReport>("reports"), reports);
    }

    @Override
    public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
  }

  @Override
  public Result expand(PCollection<LandingFile> files) {
    TupleTag<Row> providers = new TupleTag<>() {};
    TupleTag<Row> diagnoses = new TupleTag<>() {};
    TupleTag<Row> procedures = new TupleTag<>() {};
    TupleTag<ReadReport> reports = new TupleTag<>() {};
    PCollectionTuple read = files
        // Landings are small and read whole: spreading them over the workers is all the parallelism needed.
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("ReadResponses", ParDo.of(new ReadFn(this, providers, diagnoses, procedures, reports))
            .withOutputTags(providers, TupleTagList.of(diagnoses).and(procedures).and(reports)));
    return new Result(read.get(providers).setRowSchema(Reference.PROVIDER),
        read.get(diagnoses).setRowSchema(Reference.DIAGNOSIS), read.get(procedures).setRowSchema(Reference.PROCEDURE),
        read.get(reports).setCoder(new ReadReport.Coder()));
  }

  private static final class ReadFn extends DoFn<LandingFile, Row> {
    private final String pipeline;
    private final String runId;
    private final Instant ingestedAt;
    private final ProviderRules providerRules;
    private final CodeRules codeRules;
    private final TableSink bronze;
    private final TableSink quarantine;
    private final TupleTag<Row> providers;
    private final TupleTag<Row> diagnoses;
    private final TupleTag<Row> procedures;
    private final TupleTag<ReadReport> reports;
    private final Counter recordsRead = Metrics.counter(ReadApiLandings.class, "records_read");
    private final Counter recordsQuarantined = Metrics.counter(ReadApiLandings.class, "records_quarantined");
    private final Counter linesRejected = Metrics.counter(ReadApiLandings.class, "response_lines_rejected");

    private transient ProviderRows providerRows;
    private transient CodeRows codeRows;
    private transient BronzeRows bronzeRows;
    private transient SerializableFunction<BadRecord, Row> badRow;
    private transient ProgressLog progress;
    private transient ReadReporter bundle;

    ReadFn(ReadApiLandings read, TupleTag<Row> providers, TupleTag<Row> diagnoses, TupleTag<Row> procedures,
        TupleTag<ReadReport> reports) {
      this.pipeline = read.pipeline;
      this.runId = read.runId;
      this.ingestedAt = read.ingestedAt;
      this.providerRules = read.providerRules;
      this.codeRules = read.codeRules;
      this.bronze = read.bronze;
      this.quarantine = read.quarantine;
      this.providers = providers;
      this.diagnoses = diagnoses;
      this.procedures = procedures;
      this.reports = reports;
    }

    @Setup
    public void setup() {
      providerRows = new ProviderRows(providerRules, runId, ingestedAt);
      codeRows = new CodeRows(codeRules, runId, ingestedAt);
      bronzeRows = new BronzeRows(bronze.rowSchema(), runId, ingestedAt);
      badRow = SchemaCoders.of(BadRecord.class).getToRowFunction();
      progress = new ProgressLog(pipeline + " API records read");
    }

    @StartBundle
    public void startBundle() {
      bundle = ReadReporter.open(bronze, quarantine);
    }

    @ProcessElement
    public void process(@Element LandingFile file, BoundedWindow window, MultiOutputReceiver out) {
      ApiSource source = ApiSource.ofClientId(file.getClientId());
      if (source == null) {
        bundle.problem(window, FileProblem.failed(file, "landing.source: expected a landing of "
            + ApiSource.NPPES_API.clientId() + ", " + ApiSource.ICD10CM.clientId() + " or " + ApiSource.HCPCS.clientId()));
        return;
      }
      if (source.isCodeSystem() && !hasDeliveryDate(file)) {
        bundle.problem(window, FileProblem.failed(file,
            "landing.delivery_date: a code landing needs its delivery date to order its records"));
        return;
      }
      FileRecords records = new FileRecords(file, source, window, out);
      String problem = records.readLines();
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

    private static boolean hasDeliveryDate(LandingFile file) {
      try {
        return file.getDeliveryDate() != null && LocalDate.parse(file.getDeliveryDate()) != null;
      } catch (DateTimeParseException e) {
        return false;
      }
    }

    /** What one file's lines become. */
    private final class FileRecords {
      private final LandingFile file;
      private final ApiSource source;
      private final BoundedWindow window;
      private final MultiOutputReceiver out;
      private long read;
      private long quarantined;

      FileRecords(LandingFile file, ApiSource source, BoundedWindow window, MultiOutputReceiver out) {
        this.file = file;
        this.source = source;
        this.window = window;
        this.out = out;
      }

      /** Reads every line; the {@code code: explanation} of a failure that stopped it, or null. */
      String readLines() {
        try (LandedLines lines = open(file)) {
          long lineNumber = 0;
          for (String line = lines.next(); line != null; line = lines.next()) {
            lineNumber++;
            if (lineNumber > MAX_LINES) {
              return "read.too_long: a landing holds at most " + MAX_LINES + " responses";
            }
            // A blank line holds no response: nothing was delivered there to keep.
            if (!line.isBlank()) {
              line(lineNumber, line);
            }
          }
          return null;
        } catch (IOException e) {
          return describe(file, e);
        }
      }

      private void line(long lineNumber, String line) {
        ApiResponseLine.Parsed parsed = ApiResponseLine.parse(line, source);
        long first = lineNumber * ApiResponseLine.MAX_RECORDS;
        if (parsed.problem() != null) {
          read++;
          linesRejected.inc();
          quarantine(PARSE_STAGE, first, List.of(parsed.problem()), line);
          return;
        }
        List<ApiResponseLine.Element> elements = parsed.elements();
        for (int i = 0; i < elements.size(); i++) {
          record(first + i, elements.get(i));
        }
      }

      private void record(long lineNumber, ApiResponseLine.Element element) {
        read++;
        progress.add(1);
        bundle.bronze(bronzeRows.of(file, lineNumber, ToBronzeRecords.recordSha256(element.json()),
            JsonFields.of(element.node())), window);
        Row row;
        List<Violation> violations;
        if (source == ApiSource.NPPES_API) {
          ProviderRows.Typed typed = providerRows.type(NppesApiResults.draft(element.node()), Reference.SOURCE_API,
              file.getName(), lineNumber);
          row = typed.row();
          violations = typed.violations();
        } else {
          CodeRows.Typed typed = codeRows.type(source, CodeDraft.of(element.node()), file, lineNumber);
          row = typed.row();
          violations = typed.violations();
        }
        if (row == null) {
          quarantine(VALIDATE_STAGE, lineNumber, violations, element.json());
          return;
        }
        out.get(source == ApiSource.NPPES_API ? providers : source == ApiSource.ICD10CM ? diagnoses : procedures)
            .output(row);
      }

      private void quarantine(String stage, long lineNumber, List<Violation> violations, String text) {
        quarantined++;
        bundle.quarantine(badRow.apply(BadRecord.builder()
            .setPipeline(pipeline).setStage(stage).setViolations(violations)
            .setSourceFile(file.getName()).setLineNumber(lineNumber).setClientId(file.getClientId())
            .setRunId(runId).setPayload(text.length() > MAX_PAYLOAD_CHARS ? text.substring(0, MAX_PAYLOAD_CHARS) : text)
            .setRecordedAt(Instant.now())
            .build()), window);
      }
    }
  }

  /** The file's lines, gunzipped when its name ends in {@code .gz}. */
  static LandedLines open(LandingFile file) throws IOException {
    InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file.getPath(), false)));
    try {
      return new LandedLines(file.getName().endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  /** The {@code code: explanation} of a read failure, as the CSV reads name theirs; never the content. */
  static String describe(LandingFile file, IOException failure) {
    boolean gzip = file.getName().endsWith(".gz");
    if (gzip && (failure instanceof ZipException || failure instanceof EOFException)) {
      return "read.gzip: truncated or corrupt gzip stream";
    }
    return "read.io: " + failure.getClass().getSimpleName();
  }
}
