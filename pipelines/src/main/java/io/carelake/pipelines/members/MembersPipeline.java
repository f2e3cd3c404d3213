package io.carelake.pipelines.members;

import io.carelake.pipelines.FreshLandingFiles;
import io.carelake.pipelines.LandingWatch;
import io.carelake.pipelines.RunStart;
import io.carelake.schemas.BadRecord;
import io.carelake.schemas.BronzeRecord;
import io.carelake.schemas.FileAudit;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Members;
import io.carelake.schemas.QualityAlert;
import io.carelake.schemas.SchemaCoders;
import io.carelake.transforms.extract.ListLandingFiles;
import io.carelake.transforms.validate.FailableResult;
import io.carelake.transforms.merge.MergeInput;
import io.carelake.transforms.merge.MergeResult;
import io.carelake.transforms.merge.MergeScd1;
import io.carelake.transforms.quality.AssembleFileAudit;
import io.carelake.transforms.quality.AuditInputs;
import io.carelake.transforms.quality.FileTally;
import io.carelake.transforms.quality.PostAlertsToWebhook;
import io.carelake.transforms.quality.RaiseInvalidRatioAlerts;
import io.carelake.transforms.quality.WebhookReference;
import io.carelake.transforms.standardize.PiiPolicy;
import io.carelake.transforms.standardize.TokenizationKey;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.Partitioning;
import io.carelake.transforms.tables.ReadTable;
import io.carelake.transforms.tables.TableSink;
import io.carelake.transforms.tables.WriteTable;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.transforms.Convert;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Member rosters from the landing zone to silver: list and classify the files, fingerprint them and
 * skip content already processed, read the CSV, keep every parsed row in bronze, map each client's
 * columns, validate (failures to quarantine), standardise, protect PII, and merge (SCD type 1) into
 * silver {@code members} with its change feed; then one audit row per file and quality alerts.
 */
public final class MembersPipeline {
  public static final String NAME = "members";
  public static final String AUDIT_DATASET = "landing_files";
  public static final String ALERTS_DATASET = "quality";
  /** For a row whose client has no policy of its own; validation lets no such row through. */
  private static final PiiPolicy FALLBACK_POLICY = PiiPolicy.deidentified();

  private MembersPipeline() {}

  /** Parses and checks the options, runs, and (unless told not to) waits and prints a summary. */
  public static void main(String[] args) {
    MembersOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(MembersOptions.class);
    PipelineResult result = run(options);
    if (options.getWaitUntilFinish()) {
      result.waitUntilFinish();
      System.out.println(MembersSummary.of(Lake.at(options.getLake(), options.getCatalog()), options.getRunId())
          .render());
    }
  }

  /** Builds the pipeline from the options and starts it; the options get the run id used. */
  public static PipelineResult run(MembersOptions options) {
    MembersConfig config = configFrom(options);
    options.setRunId(config.runId());
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, config);
    return config.watch() == null ? pipeline.run() : LandingWatch.start(pipeline);
  }

  /**
   * Checks the options together and loads the client configurations: everything that can be wrong is
   * found here, before any data is touched.
   */
  public static MembersConfig configFrom(MembersOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    RunStart run = RunStart.of(NAME, options, options.getRunId(), AUDIT_DATASET);
    Lake lake = run.lake();
    String runId = run.runId();
    Instant startedAt = run.startedAt();
    Map<String, MemberClient> clients = ClientConfigs.load(options.getClientConfigDir(),
        LocalDate.ofInstant(java.time.Instant.ofEpochMilli(startedAt.getMillis()), ZoneOffset.UTC));
    String keyRef = options.getTokenKeyRef().isBlank() ? null : options.getTokenKeyRef().strip();
    String tokenising = clients.values().stream().filter(client -> client.piiPolicy().needsTokenizer())
        .map(MemberClient::clientId).collect(Collectors.joining(", "));
    if (keyRef == null && (!tokenising.isEmpty() || FALLBACK_POLICY.needsTokenizer())) {
      throw new ConfigException("--tokenKeyRef: a tokenisation key reference is needed, the default PII policy tokenises"
          + (tokenising.isEmpty() ? "" : " and so do clients " + tokenising));
    }
    if (options.getReadSplitBytes() < 1) {
      throw new ConfigException("--readSplitBytes: must be positive");
    }
    if (keyRef != null) {
      checkKeyLoads(keyRef);
    }
    WebhookReference webhook = options.getAlertWebhook().isBlank() ? null : WebhookReference.of(options.getAlertWebhook());
    if (webhook != null) {
      try {
        webhook.checkResolvable();
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigException("--alertWebhook: " + e.getMessage(), e);
      }
    }
    LandingWatch watch;
    try {
      watch = LandingWatch.from(options);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    return MembersConfig.builder()
        .setWatch(watch)
        .setLake(lake)
        .setLandingDir(options.getLandingDir().isBlank() ? lake.landing() + "/" + NAME
            : options.getLandingDir().strip().replaceAll("/+$", ""))
        .setRunId(runId)
        .setRunStartedAt(startedAt)
        .setClients(clients)
        .setTokenKeyRef(keyRef)
        .setReprocess(options.getReprocess())
        .setAlertWebhook(webhook)
        .setReadSplitBytes(options.getReadSplitBytes())
        .build();
  }

  /** A missing or short key fails here, at launch, rather than on every worker. */
  private static void checkKeyLoads(String keyRef) {
    try {
      Arrays.fill(TokenizationKey.fromReference(keyRef).load(), (byte) 0);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("--tokenKeyRef: " + e.getMessage(), e);
    }
  }

  /** Adds the members pipeline to {@code pipeline}. */
  public static void build(Pipeline pipeline, MembersConfig config) {
    Map<String, MemberClient> clients = config.clients();
    String runId = config.runId();

    // Landing files: contract, fingerprint, skip what an earlier run already processed.
    PCollection<LandingFile> listed = pipeline.apply("ListLandingFiles",
        LandingWatch.landingFiles(config.landingDir(), config.watch()));
    if (config.watch() != null) {
      listed = listed.apply("WindowLandingFiles", config.watch().intoWindows());
    }
    FailableResult<LandingFile, FileProblem> fresh = listed.apply("FreshLandingFiles",
        new FreshLandingFiles(NAME, clients.keySet(), config.lake().audit(AUDIT_DATASET), config.reprocess()));

    // Records: each roster read once; bronze keeps every parsed row as delivered, quarantine every bad one.
    boolean streaming = config.watch() != null;
    WriteTable writeBronze = WriteTable.appendTo(config.lake().bronze(NAME), runId)
        .partitionedBy(Partitioning.byDayOf(Members.INGESTED_AT));
    WriteTable writeQuarantine = WriteTable.appendTo(config.lake().quarantine(NAME), runId)
        .partitionedBy(Partitioning.byDayOf("recorded_at"));
    TableSink bronze = writeBronze.sinkFor(SchemaCoders.of(BronzeRecord.class).getSchema(), streaming);
    TableSink quarantine = writeQuarantine.sinkFor(SchemaCoders.of(BadRecord.class).getSchema(), streaming);
    ReadMemberRosters.Result read = fresh.output().apply("ReadRosters", new ReadMemberRosters(
        NAME, clients, runId, config.runStartedAt(), config.tokenKeyRef(), bronze, quarantine, config.readSplitBytes()));
    PCollection<Long> bronzeCommitted =
        read.bronzeFiles().apply("CommitBronze", writeBronze.committing(bronze)).committed();
    PCollection<Long> quarantineCommitted =
        read.quarantineFiles().apply("CommitQuarantine", writeQuarantine.committing(quarantine)).committed();
    PCollection<Row> incoming = read.members();

    // Silver: SCD type 1 on (client_id, member_id), ordered by the record sequence. A batch run reads only
    // the partitions of the clients it has files of; a streaming run keeps every member in state.
    LakeTable silver = config.lake().silver(NAME);
    Optional<Long> silverRead = silver.currentSnapshotId();
    ReadTable readSilver = ReadTable.of(silver, Members.SILVER).atSnapshot(silverRead);
    WriteTable writeSilver = WriteTable.changesTo(silver, runId, Members.KEY)
        .partitionedBy(Partitioning.byValueOf(Members.CLIENT_ID));
    if (config.watch() == null) {
      PCollectionView<List<String>> clientsRead = clientsOf(fresh.output());
      readSilver = readSilver.onlyWhere(Members.CLIENT_ID, clientsRead);
      writeSilver = writeSilver.decidedOn(silverRead, Members.CLIENT_ID, clientsRead);
    } else {
      writeSilver = writeSilver.decidedOn(silverRead);
    }
    PCollection<Row> current = pipeline.apply("ReadSilverMembers", readSilver);
    MergeResult merged = MergeInput.of(current, incoming).apply("MergeIntoSilver",
        MergeScd1.on(Members.KEY).orderedBy(Members.RECORD_SEQUENCE)
            .ignoringForChange(Members.LINEAGE_COLUMNS).attributedTo(Members.SOURCE_FILE));
    PCollection<Long> silverCommitted = merged.changes().apply("CommitSilverMembers", writeSilver).committed();

    // Audit and alerts.
    PCollection<FileProblem> problems = PCollectionList.of(fresh.failures()).and(read.fileProblems())
        .apply("FlattenFileProblems", Flatten.pCollections());
    PCollection<KV<String, KV<String, Long>>> tallies = PCollectionList.of(read.tallies())
        .and(merged.outcomes().apply("TallyMerged", FlatMapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.longs())))
            .via(FileTally::ofMergeOutcome)))
        .apply("FlattenTallies", Flatten.pCollections());

    PCollection<FileAudit> audit = AuditInputs.of(fresh.output(), problems, tallies)
        .apply("AssembleFileAudit", AssembleFileAudit.forRun(NAME, runId, config.runStartedAt()));
    audit.apply("LogFileDone", ParDo.of(new LogFileDoneFn()));
    // A processed audit row makes later runs skip the file: write it only once its rows are committed.
    audit.apply("AfterRowsCommitted", Wait.on(silverCommitted, bronzeCommitted, quarantineCommitted))
        .apply("AuditToRows", Convert.toRows())
        .apply("WriteAudit", WriteTable.appendTo(config.lake().audit(AUDIT_DATASET), runId)
            .partitionedBy(Partitioning.byDayOf("started_at")));

    PCollection<QualityAlert> alerts = audit.apply("RaiseInvalidRatioAlerts", RaiseInvalidRatioAlerts.withDefaults()
        .withThresholdPerClient(clients.values().stream()
            .collect(Collectors.toMap(MemberClient::clientId, MemberClient::invalidRatioThreshold))));
    if (config.alertWebhook() != null) {
      alerts = alerts.apply("PostAlertsToWebhook", PostAlertsToWebhook.to(config.alertWebhook()));
    }
    alerts.apply("AlertsToRows", Convert.toRows())
        .apply("WriteAlerts", WriteTable.appendTo(config.lake().alerts(ALERTS_DATASET), runId)
            .partitionedBy(Partitioning.byDayOf("raised_at")));
  }

  /** The clients a run has files of: the silver partitions its merge reads. */
  private static PCollectionView<List<String>> clientsOf(PCollection<LandingFile> files) {
    return files
        .apply("ClientOfFile", MapElements.into(TypeDescriptors.strings()).via(LandingFile::getClientId))
        .apply("DistinctClients", Distinct.create())
        .apply("ClientsToRead", View.asList());
  }

  /** One line per file as its audit row is ready: name, status and counts, never content. */
  private static final class LogFileDoneFn extends DoFn<FileAudit, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(MembersPipeline.class);

    @ProcessElement
    public void process(@Element FileAudit file) {
      LOG.info("file {}: {}, {} rows read, {} quarantined{}", file.getFile(), file.getStatus(), file.getRowsRead(),
          file.getQuarantined(), file.getError() == null ? "" : " (" + file.getError() + ")");
    }
  }
}
