package io.carelake.pipelines.members;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import io.carelake.pipelines.BronzeRows;
import io.carelake.pipelines.ReadReport;
import io.carelake.pipelines.ReadReporter;
import io.carelake.schemas.BadRecord;
import io.carelake.schemas.BronzeRecord;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Members;
import io.carelake.schemas.SchemaCoders;
import io.carelake.schemas.SourceRecord;
import io.carelake.schemas.Violation;
import io.carelake.transforms.extract.CsvFileReader;
import io.carelake.transforms.extract.FileSplit;
import io.carelake.transforms.extract.ReadCsvRecords;
import io.carelake.transforms.extract.ToBronzeRecords;
import io.carelake.transforms.quality.ProgressLog;
import io.carelake.transforms.standardize.PiiPolicy;
import io.carelake.transforms.standardize.TokenizationKey;
import io.carelake.transforms.standardize.Tokenizer;
import io.carelake.transforms.tables.TableFiles;
import io.carelake.transforms.tables.TableSink;
import io.carelake.transforms.validate.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Reads each roster once, from its first record to its last, doing all of a record's work where the
 * record is: the record as delivered into bronze; its client's columns mapped to the canonical ones;
 * every rule of its client checked (a record breaking any goes to quarantine, as does a record that is
 * not valid CSV); then standardised and its personal data protected by its client's policy. Out come
 * silver member rows, and per bundle one {@link ReadReport}.
 *
 * <p>One step rather than one per stage because of what a record costs between steps: encoded for every
 * step that reads it, for every consumer of a step with several outputs. Here a record is parsed, checked
 * and written once, bronze and quarantine rows go straight into their tables' files, counts are kept per
 * file, and only member rows leave, encoded once. The stages are the same plain code the separate
 * transforms use ({@link CsvFileReader}, {@link RuleSet}, {@link MemberRows}, {@link PiiPolicy}). Files are
 * first cut into {@link FileSplit splits} spread over the workers, so that every worker reads and one large
 * file is read by several.
 */
final class ReadMemberRosters extends PTransform<PCollection<LandingFile>, ReadMemberRosters.Result> {
  private static final String VALIDATE = "validate";

  private final String pipeline;
  private final Map<String, MemberClient> clients;
  private final String runId;
  private final Instant ingestedAt;
  private final @Nullable String tokenKeyRef;
  private final TableSink bronze;
  private final TableSink quarantine;
  private final long splitBytes;

  ReadMemberRosters(String pipeline, Map<String, MemberClient> clients, String runId, Instant ingestedAt,
      @Nullable String tokenKeyRef, TableSink bronze, TableSink quarantine, long splitBytes) {
    checkArgument(bronze.rowSchema().equals(SchemaCoders.of(BronzeRecord.class).getSchema()),
        "the bronze sink must take bronze records");
    checkArgument(quarantine.rowSchema().equals(SchemaCoders.of(BadRecord.class).getSchema()),
        "the quarantine sink must take bad records");
    this.pipeline = pipeline;
    this.clients = Map.copyOf(clients);
    this.runId = runId;
    this.ingestedAt = ingestedAt;
    this.tokenKeyRef = tokenKeyRef;
    this.bronze = bronze;
    this.quarantine = quarantine;
    this.splitBytes = splitBytes;
  }

  @Override
  public Result expand(PCollection<LandingFile> files) {
    TupleTag<Row> members = new TupleTag<>() {};
    TupleTag<ReadReport> reports = new TupleTag<>() {};
    long bytesPerSplit = splitBytes;
    PCollectionTuple read = files
        .apply("SplitFiles", FlatMapElements.into(TypeDescriptor.of(FileSplit.class))
            .via((LandingFile file) -> FileSplit.of(file, bytesPerSplit)))
        .setCoder(FileSplit.coder())
        .apply("SpreadSplits", Reshuffle.viaRandomKey())
        .apply("ReadRecords", ParDo.of(new ReadRostersFn(this, members, reports))
            .withOutputTags(members, TupleTagList.of(reports)));
    PCollection<ReadReport> bundleReports = read.get(reports).setCoder(new ReadReport.Coder());
    return new Result(read.get(members).setRowSchema(Members.SILVER), ReadReport.bronzeFiles(bundleReports),
        ReadReport.quarantineFiles(bundleReports), ReadReport.tallies(bundleReports), ReadReport.problems(bundleReports));
  }

  /** Member rows, and the by-products of reading: bronze and quarantine files, counts, unreadable files. */
  static final class Result implements POutput {
    private final PCollection<Row> members;
    private final PCollection<TableFiles> bronzeFiles;
    private final PCollection<TableFiles> quarantineFiles;
    private final PCollection<KV<String, KV<String, Long>>> tallies;
    private final PCollection<FileProblem> fileProblems;

    Result(PCollection<Row> members, PCollection<TableFiles> bronzeFiles, PCollection<TableFiles> quarantineFiles,
        PCollection<KV<String, KV<String, Long>>> tallies, PCollection<FileProblem> fileProblems) {
      this.members = members;
      this.bronzeFiles = bronzeFiles;
      this.quarantineFiles = quarantineFiles;
      this.tallies = tallies;
      this.fileProblems = fileProblems;
    }

    /** Valid members as silver rows, standardised and protected. */
    PCollection<Row> members() {
      return members;
    }

    PCollection<TableFiles> bronzeFiles() {
      return bronzeFiles;
    }

    PCollection<TableFiles> quarantineFiles() {
      return quarantineFiles;
    }

    /** Per file: records read, and records quarantined (not valid CSV, or breaking a rule). */
    PCollection<KV<String, KV<String, Long>>> tallies() {
      return tallies;
    }

    /** Files that could not be read: no header, unreadable gzip, I/O errors. */
    PCollection<FileProblem> fileProblems() {
      return fileProblems;
    }

    @Override
    public Pipeline getPipeline() {
      return members.getPipeline();
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(new TupleTag<Row>("members"), members, new TupleTag<TableFiles>("bronzeFiles"), bronzeFiles,
          new TupleTag<TableFiles>("quarantineFiles"), quarantineFiles,
          new TupleTag<KV<String, KV<String, Long>>>("tallies"), tallies,
          new TupleTag<FileProblem>("fileProblems"), fileProblems);
    }

    @Override
    public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
  }

  private static final class ReadRostersFn extends DoFn<FileSplit, Row> {
    private final String pipeline;
    private final Map<String, MemberClient> clients;
    private final String runId;
    private final Instant ingestedAt;
    private final @Nullable TokenizationKey key;
    private final TableSink bronze;
    private final TableSink quarantine;
    private final TupleTag<Row> members;
    private final TupleTag<ReadReport> reports;
    private final Counter recordsRead = Metrics.counter(ReadMemberRosters.class, "records_read");
    private final Counter recordsQuarantined = Metrics.counter(ReadMemberRosters.class, "records_quarantined");

    private transient CsvFileReader csv;
    private transient Map<String, RuleSet<SourceRecord>> rules;
    private transient @Nullable Tokenizer tokenizer;
    private transient BronzeRows bronzeRow;
    private transient SerializableFunction<BadRecord, Row> badRow;
    private transient ProgressLog progress;
    private transient ReadReporter bundle;

    ReadRostersFn(ReadMemberRosters read, TupleTag<Row> members, TupleTag<ReadReport> reports) {
      this.pipeline = read.pipeline;
      this.clients = read.clients;
      this.runId = read.runId;
      this.ingestedAt = read.ingestedAt;
      this.key = read.tokenKeyRef == null ? null : TokenizationKey.fromReference(read.tokenKeyRef);
      this.bronze = read.bronze;
      this.quarantine = read.quarantine;
      this.members = members;
      this.reports = reports;
    }

    @Setup
    public void setup() throws IOException {
      csv = new CsvFileReader(',', StandardCharsets.UTF_8, 1024 * 1024);
      rules = new HashMap<>();
      clients.forEach((id, client) -> rules.put(id, RuleSet.of(client.rules())));
      if (key != null) {
        tokenizer = key.loadTokenizer();
      }
      bronzeRow = new BronzeRows(bronze.rowSchema(), runId, ingestedAt);
      badRow = SchemaCoders.of(BadRecord.class).getToRowFunction();
      progress = new ProgressLog(pipeline + " records read");
    }

    @StartBundle
    public void startBundle() {
      bundle = ReadReporter.open(bronze, quarantine);
    }

    @ProcessElement
    public void process(@Element FileSplit split, BoundedWindow window, OutputReceiver<Row> out) {
      LandingFile file = split.file();
      MemberClient client = clients.get(file.getClientId());
      if (client == null) {
        throw new IllegalStateException("file " + file.getName() + " reached reading without a configured client");
      }
      FileRecords records = new FileRecords(file, client, window, out);
      String problem = csv.read(split, records);
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

    /** What one file's records become, as the CSV reader hands them over. */
    private final class FileRecords implements CsvFileReader.Records {
      private final LandingFile file;
      private final MemberClient client;
      private final RuleSet<SourceRecord> clientRules;
      private final BoundedWindow window;
      private final OutputReceiver<Row> out;
      private long read;
      private long quarantined;

      FileRecords(LandingFile file, MemberClient client, BoundedWindow window, OutputReceiver<Row> out) {
        this.file = file;
        this.client = client;
        this.clientRules = rules.get(client.clientId());
        this.window = window;
        this.out = out;
      }

      @Override
      public void record(long lineNumber, List<String> header, List<String> values, String text) {
        read++;
        progress.add(1);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          fields.put(header.get(i), values.get(i));
        }
        bundle.bronze(bronzeRow.of(file, lineNumber, ToBronzeRecords.recordSha256(text),
            Collections.unmodifiableMap(fields)), window);
        SourceRecord canonical = SourceRecord.of(file, lineNumber, canonical(fields), text);
        List<Violation> violations = clientRules.check(canonical);
        if (!violations.isEmpty()) {
          quarantine(VALIDATE, lineNumber, violations, text);
          return;
        }
        out.output(client.piiPolicy().apply(MemberRows.toSilver(client, canonical, runId, ingestedAt), tokenizer));
      }

      @Override
      public void badRecord(long lineNumber, List<Violation> violations, String text) {
        read++;
        progress.add(1);
        quarantine(ReadCsvRecords.STAGE, lineNumber, violations, text);
      }

      /** The client's columns renamed to canonical ones; a canonical column the file lacks is absent. */
      private Map<String, String> canonical(Map<String, String> fields) {
        Map<String, String> canonical = new HashMap<>();
        for (String column : Members.CANONICAL_COLUMNS) {
          String value = fields.get(client.headerOf().get(column));
          if (value != null) {
            canonical.put(column, value);
          }
        }
        return canonical;
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
}
