package io.carelake.pipelines.reference;

import io.carelake.pipelines.FreshLandingFiles;
import io.carelake.pipelines.LandingWatch;
import io.carelake.pipelines.ReadReport;
import io.carelake.pipelines.RunStart;
import io.carelake.pipelines.members.ConfigException;
import io.carelake.schemas.BadRecord;
import io.carelake.schemas.BronzeRecord;
import io.carelake.schemas.FileAudit;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Reference;
import io.carelake.schemas.SchemaCoders;
import io.carelake.schemas.QualityAlert;
import io.carelake.transforms.extract.LandingContract;
import io.carelake.transforms.extract.api.FetchResult;
import io.carelake.transforms.extract.api.FetchWarning;
import io.carelake.transforms.merge.MergeInput;
import io.carelake.transforms.merge.MergeResult;
import io.carelake.transforms.merge.MergeScd1;
import io.carelake.transforms.merge.MergeScd2;
import io.carelake.transforms.quality.AssembleFileAudit;
import io.carelake.transforms.quality.AuditInputs;
import io.carelake.transforms.quality.FileTally;
import io.carelake.transforms.quality.RaiseInvalidRatioAlerts;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.Partitioning;
import io.carelake.transforms.tables.ReadTable;
import io.carelake.transforms.tables.TableSink;
import io.carelake.transforms.tables.WriteTable;
import io.carelake.transforms.validate.FailableResult;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.transforms.Convert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * NPPES providers, ICD-10-CM and HCPCS codes from the landing zone to silver and the gold dimensions: NPPES
 * bulk files are read in splits and landed API responses line by line, every record kept in bronze and typed
 * and checked against the rule file (a record that breaks a rule goes to quarantine with its rule ids);
 * provider records merge into the silver {@code provider_history} as SCD type 2 (key NPI, ordered by the
 * last update, a deactivation ending the history), codes into {@code icd10cm_codes} and {@code hcpcs_codes}
 * as SCD type 1; every changed key's silver rows become its gold dimension rows, upserted on the same key,
 * and every file gets its audit row.
 *
 * <p>With {@code --streaming=true} the run watches the landing zone and does all of this window by window,
 * the merges keeping silver in state.
 */
public final class ReferencePipeline {
  public static final String NAME = "reference";
  public static final String AUDIT_DATASET = "landing_files";
  public static final String ALERTS_DATASET = "quality";
  public static final String PROVIDER_HISTORY = "provider_history";
  public static final String DIAGNOSIS_CODES = "icd10cm_codes";
  public static final String PROCEDURE_CODES = "hcpcs_codes";
  public static final String DIM_PROVIDER = "dim_provider";
  public static final String DIM_DIAGNOSIS = "dim_diagnosis";
  public static final String DIM_PROCEDURE = "dim_procedure";

  /** Columns whose change opens a provider version: what the provider is, not when NPPES last touched it. */
  static final List<String> TRACKED = tracked();

  private ReferencePipeline() {}

  /** Parses and checks the options, runs, and (unless told not to) waits and prints a summary. */
  public static void main(String[] args) {
    ReferenceOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(ReferenceOptions.class);
    ReferenceConfig config = configFrom(options);
    PipelineResult result = run(options, config);
    if (options.getWaitUntilFinish()) {
      result.waitUntilFinish();
      System.out.println(ReferenceSummary.of(config.lake(), config.runId()).render());
    }
  }

  public static PipelineResult run(ReferenceOptions options) {
    return run(options, configFrom(options));
  }

  private static PipelineResult run(ReferenceOptions options, ReferenceConfig config) {
    options.setRunId(config.runId());
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, config);
    return config.watch() == null ? pipeline.run() : LandingWatch.start(pipeline);
  }

  /** Checks the options together, before any data is touched. */
  public static ReferenceConfig configFrom(ReferenceOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    RunStart run = RunStart.of(NAME, options, options.getRunId(), AUDIT_DATASET);
    if (options.getWriteShards() < 0) {
      throw new ConfigException("--writeShards: must be 0 or more");
    }
    if (options.getReadSplitBytes() < 1) {
      throw new ConfigException("--readSplitBytes: must be positive");
    }
    LandingWatch watch;
    try {
      watch = LandingWatch.from(options);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    ReferenceSources sources = options.getSources().isBlank() ? null : ReferenceSources.load(options.getSources().strip());
    if (sources != null && watch != null) {
      throw new ConfigException("--sources: fetching is for batch runs; a streaming run reads what lands");
    }
    return new ReferenceConfig(run.lake(), options.getLandingDir().isBlank() ? run.lake().landing() + "/" + NAME
        : options.getLandingDir().strip().replaceAll("/+$", ""), run.runId(), run.startedAt(),
        ProviderRules.load(options.getProviderRules()), CodeRules.load(options.getCodeRules()), sources,
        options.getReprocess(), options.getReadSplitBytes(), options.getWriteShards(), watch);
  }

  /** Adds the reference pipeline to {@code pipeline}. */
  public static void build(Pipeline pipeline, ReferenceConfig config) {
    String runId = config.runId();
    Lake lake = config.lake();
    boolean streaming = config.watch() != null;
    PCollection<LandingFile> listed = pipeline.apply("ListLandingFiles",
        LandingWatch.landingFiles(config.landingDir(), config.watch()));
    if (streaming) {
      listed = listed.apply("WindowLandingFiles", config.watch().intoWindows());
    }
    List<PCollection<FileProblem>> fileProblems = new ArrayList<>();
    if (config.sources() != null) {
      // Fetched responses land in a folder of their own, which the listing above does not reach, and are read
      // with the files listed.
      FetchResult fetched = pipeline
          .apply("SourceRequests", Create.of(config.sources().requests()))
          .apply("FetchToLanding", config.sources().fetchInto(fetchedDir(config.landingDir(), runId), runId,
              LocalDate.ofInstant(java.time.Instant.ofEpochMilli(config.runStartedAt().getMillis()), ZoneOffset.UTC)));
      listed = PCollectionList.of(listed).and(fetched.output()).apply("WithFetched", Flatten.pCollections());
      fileProblems.add(fetched.failures());
      fetched.warnings()
          .apply("TruncationAlerts", MapElements.into(TypeDescriptor.of(QualityAlert.class))
              .via(new TruncationAlert(runId, config.runStartedAt())))
          .apply("TruncationAlertsToRows", Convert.toRows())
          .apply("WriteTruncationAlerts", WriteTable.appendTo(lake.alerts(ALERTS_DATASET), runId)
              .partitionedBy(Partitioning.byDayOf("raised_at")));
    }
    FailableResult<LandingFile, FileProblem> fresh = listed.apply("FreshLandingFiles",
        new FreshLandingFiles(NAME, Set.copyOf(ReferenceDatasets.ALL), lake.audit(AUDIT_DATASET), config.reprocess(),
            LandingContract.standard().alsoAccepting(".jsonl")));
    fileProblems.add(fresh.failures());
    fileProblems.add(fresh.output()
        .apply("FilesOfTheWrongKind", Filter.by((LandingFile file) -> !ReferenceDatasets.ofItsKind(file)))
        .apply("WrongKindProblems", MapElements.into(TypeDescriptor.of(FileProblem.class))
            .via(ReferenceDatasets::wrongKind)));

    // Records: each file read once; bronze keeps every parsed record, quarantine every bad one.
    WriteTable writeBronze = WriteTable.appendTo(lake.bronze(NAME), runId)
        .partitionedBy(Partitioning.byDayOf(Reference.INGESTED_AT));
    WriteTable writeQuarantine = WriteTable.appendTo(lake.quarantine(NAME), runId)
        .partitionedBy(Partitioning.byDayOf("recorded_at"));
    TableSink bronze = writeBronze.sinkFor(SchemaCoders.of(BronzeRecord.class).getSchema(), streaming);
    TableSink quarantine = writeQuarantine.sinkFor(SchemaCoders.of(BadRecord.class).getSchema(), streaming);
    ReadNppesBulkFiles.Result bulk = fresh.output()
        .apply("FilesOfNppesBulk", Filter.by((LandingFile file) ->
            ReferenceDatasets.BULK.contains(file.getClientId()) && ReferenceDatasets.ofItsKind(file)))
        .apply("ReadNppesBulk", new ReadNppesBulkFiles(NAME, config.rules(), runId, config.runStartedAt(), bronze,
            quarantine, config.readSplitBytes()));
    ReadApiLandings.Result api = fresh.output()
        .apply("FilesOfApiLandings", Filter.by((LandingFile file) ->
            ReferenceDatasets.API.contains(file.getClientId()) && ReferenceDatasets.ofItsKind(file)))
        .apply("ReadApiLandings", new ReadApiLandings(NAME, runId, config.runStartedAt(), config.rules(),
            config.codeRules(), bronze, quarantine));
    PCollection<ReadReport> reports = PCollectionList.of(bulk.reports()).and(api.reports())
        .apply("FlattenReports", Flatten.pCollections());
    PCollection<Row> providers = PCollectionList.of(bulk.providers()).and(api.providers())
        .apply("FlattenProviders", Flatten.pCollections());
    PCollection<Long> bronzeCommitted =
        ReadReport.bronzeFiles(reports).apply("CommitBronze", writeBronze.committing(bronze)).committed();
    PCollection<Long> quarantineCommitted =
        ReadReport.quarantineFiles(reports).apply("CommitQuarantine", writeQuarantine.committing(quarantine)).committed();

    // Silver and gold: each merge's change rows are committed to silver and, as dimension rows, to gold.
    MergeScd2 scd2 = MergeScd2.on(Reference.PROVIDER_KEY).orderedBy(Reference.UPDATE_SEQUENCE).tracking(TRACKED)
        .ignoringForChange(Reference.LINEAGE_COLUMNS).attributedTo(Reference.SOURCE_FILE)
        .endedWhen(new Deactivated());
    Merged history = merge(lake.silver(PROVIDER_HISTORY), MergeScd2.historySchema(Reference.PROVIDER),
        Reference.PROVIDER_KEY, providers, scd2, runId, config.writeShards(), "ProviderHistory");
    Merged diagnoses = merge(lake.silver(DIAGNOSIS_CODES), Reference.DIAGNOSIS, Reference.CODE_KEY, api.diagnoses(),
        codeMerge(), runId, config.writeShards(), "Diagnoses");
    Merged procedures = merge(lake.silver(PROCEDURE_CODES), Reference.PROCEDURE, Reference.CODE_KEY, api.procedures(),
        codeMerge(), runId, config.writeShards(), "Procedures");
    List<PCollection<?>> written = new ArrayList<>(List.of(history.committed(), diagnoses.committed(),
        procedures.committed(), bronzeCommitted, quarantineCommitted));
    written.add(dimension(history, DIM_PROVIDER, Reference.DIM_PROVIDER, List.of(Reference.NPI),
        new ReferenceDimensions.ProviderRow(runId, config.runStartedAt()), lake, config, streaming));
    written.add(dimension(diagnoses, DIM_DIAGNOSIS, Reference.DIM_DIAGNOSIS, List.of("icd10cm_code"),
        new ReferenceDimensions.DiagnosisRow(runId, config.runStartedAt()), lake, config, streaming));
    written.add(dimension(procedures, DIM_PROCEDURE, Reference.DIM_PROCEDURE, List.of("hcpcs_code"),
        new ReferenceDimensions.ProcedureRow(runId, config.runStartedAt()), lake, config, streaming));

    // Audit and alerts.
    fileProblems.add(ReadReport.problems(reports));
    PCollection<FileProblem> problems = PCollectionList.of(fileProblems).apply("FlattenFileProblems",
        Flatten.pCollections());
    PCollection<KV<String, KV<String, Long>>> tallies = PCollectionList.of(ReadReport.tallies(reports))
        .and(tallyMerged(history.result(), "TallyMergedProviders"))
        .and(tallyMerged(diagnoses.result(), "TallyMergedDiagnoses"))
        .and(tallyMerged(procedures.result(), "TallyMergedProcedures"))
        .apply("FlattenTallies", Flatten.pCollections());
    PCollection<FileAudit> audit = AuditInputs.of(fresh.output(), problems, tallies)
        .apply("AssembleFileAudit", AssembleFileAudit.forRun(NAME, runId, config.runStartedAt()));
    audit.apply("AfterTablesCommitted", Wait.on(written))
        .apply("AuditToRows", Convert.toRows())
        .apply("WriteAudit", WriteTable.appendTo(lake.audit(AUDIT_DATASET), runId)
            .partitionedBy(Partitioning.byDayOf("started_at")));
    audit.apply("RaiseInvalidRatioAlerts", RaiseInvalidRatioAlerts.withDefaults())
        .apply("AlertsToRows", Convert.toRows())
        .apply("WriteAlerts", WriteTable.appendTo(lake.alerts(ALERTS_DATASET), runId)
            .partitionedBy(Partitioning.byDayOf("raised_at")));
  }

  /** Where a run's fetched responses land: beside the landing zone's own files, one folder per run. */
  static String fetchedDir(String landingDir, String runId) {
    return landingDir + "/fetched/" + runId;
  }

  /** SCD type 1 of code rows: the latest delivery of a code wins. */
  private static MergeScd1 codeMerge() {
    return MergeScd1.on(Reference.CODE_KEY).orderedBy(Reference.RECORD_SEQUENCE)
        .ignoringForChange(Reference.CODE_LINEAGE_COLUMNS).attributedTo(Reference.SOURCE_FILE);
  }

  /** A gold dimension made from a silver merge's change rows and upserted on {@code key}; its commit's snapshot. */
  private static PCollection<Long> dimension(Merged silver, String table, Schema dimension, List<String> key,
      SerializableFunction<Row, Iterable<Row>> toDimension, Lake lake, ReferenceConfig config, boolean streaming) {
    return silver.result().changes()
        .apply("To" + camel(table), FlatMapElements.into(TypeDescriptors.rows()).via(toDimension))
        .setRowSchema(ReferenceDimensions.changesOf(dimension))
        .apply("WriteGold_" + table, gold(lake.gold(table), key, config.runId(), config.writeShards(),
            silver.committed(), streaming))
        .committed();
  }

  private static String camel(String table) {
    StringBuilder name = new StringBuilder();
    for (String part : table.split("_")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }

  /** A merge into a silver table and the snapshot of its commit. */
  private record Merged(MergeResult result, PCollection<Long> committed) {}

  private static Merged merge(LakeTable table, Schema tableSchema, List<String> key, PCollection<Row> incoming,
      PTransform<MergeInput, MergeResult> merge, String runId, int writeShards,
      String name) {
    Optional<Long> read = table.currentSnapshotId();
    PCollection<Row> current = incoming.getPipeline()
        .apply("ReadSilver" + name, ReadTable.of(table, tableSchema).atSnapshot(read));
    MergeResult merged = MergeInput.of(current, incoming).apply("MergeSilver" + name, merge);
    PCollection<Long> committed = merged.changes()
        .apply("CommitSilver" + name, sharded(WriteTable.changesTo(table, runId, key).decidedOn(read), writeShards))
        .committed();
    return new Merged(merged, committed);
  }

  /**
   * A gold dimension upserted with its silver table's changes; in batch it commits once silver has, so that a
   * failed silver commit leaves gold as it was.
   */
  private static WriteTable gold(LakeTable table, List<String> key, String runId, int writeShards,
      PCollection<Long> silverCommitted, boolean streaming) {
    WriteTable write = sharded(WriteTable.changesTo(table, runId, key).decidedOn(table.currentSnapshotId()),
        writeShards);
    return streaming ? write : write.committingAfter(List.of(silverCommitted));
  }

  /** Rows that come out of a grouping: written per bundle, or in {@code shards} shards when asked. */
  private static WriteTable sharded(WriteTable write, int shards) {
    return shards > 0 ? write.inShards(shards) : write;
  }

  private static PCollection<KV<String, KV<String, Long>>> tallyMerged(MergeResult merged, String name) {
    return merged.outcomes().apply(name, FlatMapElements
        .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.kvs(TypeDescriptors.strings(),
            TypeDescriptors.longs())))
        .via(FileTally::ofMergeOutcome));
  }

  private static List<String> tracked() {
    List<String> tracked = new ArrayList<>();
    for (Schema.Field field : Reference.PROVIDER.getFields()) {
      String name = field.getName();
      if (!Reference.PROVIDER_KEY.contains(name) && !Reference.LINEAGE_COLUMNS.contains(name)
          && !List.of(Reference.UPDATE_SEQUENCE, Reference.LAST_UPDATED, Reference.DEACTIVATION_DATE,
              Reference.DEACTIVATION_REASON, Reference.REACTIVATION_DATE).contains(name)) {
        tracked.add(name);
      }
    }
    return List.copyOf(tracked);
  }

  /** An alert for a query the extractor could not split below the API's cap: its file lacks some results. */
  private static final class TruncationAlert implements SerializableFunction<FetchWarning, QualityAlert> {
    private final String runId;
    private final org.joda.time.Instant raisedAt;

    TruncationAlert(String runId, org.joda.time.Instant raisedAt) {
      this.runId = runId;
      this.raisedAt = raisedAt;
    }

    @Override
    public QualityAlert apply(FetchWarning warning) {
      return QualityAlert.builder().setRunId(runId).setPipeline(NAME).setAlertType(FetchWarning.TRUNCATED)
          .setClientId(warning.getFile().getClientId()).setFile(warning.getFile().getName()).setRowsRead(0)
          .setQuarantined(0).setInvalidRatio(0).setThreshold(0).setRaisedAt(raisedAt)
          .setDelivery(warning.getFile().getDeliveryDate()).build();
    }
  }

  /** A record that deactivates its NPI ({@link ProviderValues#deactivates}), the rules' definition too. */
  static final class Deactivated implements SerializableFunction<Row, Boolean> {
    @Override
    public Boolean apply(Row record) {
      return ProviderValues.deactivates(record.getLogicalTypeValue(Reference.DEACTIVATION_DATE, LocalDate.class),
          record.getLogicalTypeValue(Reference.REACTIVATION_DATE, LocalDate.class));
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Deactivated;
    }

    @Override
    public int hashCode() {
      return Deactivated.class.hashCode();
    }
  }
}
