package io.carelake.pipelines.staffing;

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
import io.carelake.schemas.SchemaCoders;
import io.carelake.schemas.Staffing;
import io.carelake.transforms.aggregate.BuildStaffingGold;
import io.carelake.transforms.merge.MergeInput;
import io.carelake.transforms.merge.MergeResult;
import io.carelake.transforms.merge.MergeScd1;
import io.carelake.transforms.quality.AssembleFileAudit;
import io.carelake.transforms.quality.AuditInputs;
import io.carelake.transforms.quality.FileTally;
import io.carelake.transforms.quality.RaiseInvalidRatioAlerts;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.Partitioning;
import io.carelake.transforms.tables.ReadTable;
import io.carelake.transforms.tables.ReadTableAfterCommits;
import io.carelake.transforms.tables.TableSink;
import io.carelake.transforms.tables.WriteTable;
import io.carelake.transforms.validate.FailableResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.transforms.Convert;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * CMS nurse staffing from the landing zone to a gold star schema: PBJ daily staffing and Provider Info
 * files are read in splits, every record kept in bronze and typed (a value that does not parse sends its
 * record to quarantine with the reason); PBJ days merge (SCD type 1) into silver {@code pbj_daily_staffing}
 * on (CCN, work date), the latest delivery winning, and facilities into silver {@code provider_info} on the
 * CCN, the latest processing date winning; then the gold tables are rebuilt from the whole of silver, the
 * report is written from them, and every file gets its audit row.
 *
 * <p>With {@code --streaming=true} the run watches the landing zone and does all of this window by window:
 * the merges keep silver in state, and each window that changed silver reads both silver tables again
 * once its commits are in and replaces gold (and the report) with what they hold then.
 */
public final class StaffingPipeline {
  public static final String NAME = "staffing";
  public static final String AUDIT_DATASET = "landing_files";
  public static final String ALERTS_DATASET = "quality";
  public static final String DAILY_TABLE = "pbj_daily_staffing";
  public static final String PROVIDER_TABLE = "provider_info";

  private StaffingPipeline() {}

  /** Parses and checks the options, runs, and (unless told not to) waits and prints a summary. */
  public static void main(String[] args) {
    StaffingOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(StaffingOptions.class);
    StaffingConfig config = configFrom(options);
    PipelineResult result = run(options, config);
    if (options.getWaitUntilFinish()) {
      result.waitUntilFinish();
      System.out.println(StaffingSummary.of(config.lake(), config.runId()).render() + "  report  " + config.reportFile());
    }
  }

  public static PipelineResult run(StaffingOptions options) {
    return run(options, configFrom(options));
  }

  private static PipelineResult run(StaffingOptions options, StaffingConfig config) {
    options.setRunId(config.runId());
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, config);
    return config.watch() == null ? pipeline.run() : LandingWatch.start(pipeline);
  }

  /** Checks the options together, before any data is touched. */
  public static StaffingConfig configFrom(StaffingOptions options) {
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
    return new StaffingConfig(run.lake(), options.getLandingDir().isBlank() ? run.lake().landing() + "/" + NAME
        : options.getLandingDir().strip().replaceAll("/+$", ""), run.runId(), run.startedAt(),
        StaffingColumns.load(options.getColumnsConfig()), options.getReprocess(), options.getReadSplitBytes(),
        options.getWriteShards(), StaffingReports.location(run.lake(), options.getReportFile()), watch);
  }

  /** Adds the staffing pipeline to {@code pipeline}. */
  public static void build(Pipeline pipeline, StaffingConfig config) {
    String runId = config.runId();
    Lake lake = config.lake();
    boolean streaming = config.watch() != null;
    PCollection<LandingFile> listed = pipeline.apply("ListLandingFiles",
        LandingWatch.landingFiles(config.landingDir(), config.watch()));
    if (streaming) {
      listed = listed.apply("WindowLandingFiles", config.watch().intoWindows());
    }
    FailableResult<LandingFile, FileProblem> fresh = listed.apply("FreshLandingFiles",
        new FreshLandingFiles(NAME, Set.copyOf(StaffingDatasets.ALL), lake.audit(AUDIT_DATASET), config.reprocess()));

    // Records: each file read once, in splits; bronze keeps every parsed record, quarantine every bad one.
    WriteTable writeBronze = WriteTable.appendTo(lake.bronze(NAME), runId)
        .partitionedBy(Partitioning.byDayOf(Staffing.INGESTED_AT));
    WriteTable writeQuarantine = WriteTable.appendTo(lake.quarantine(NAME), runId)
        .partitionedBy(Partitioning.byDayOf("recorded_at"));
    TableSink bronze = writeBronze.sinkFor(SchemaCoders.of(BronzeRecord.class).getSchema(), streaming);
    TableSink quarantine = writeQuarantine.sinkFor(SchemaCoders.of(BadRecord.class).getSchema(), streaming);
    ReadStaffingFiles.Result days = read(fresh.output(), StaffingDatasets.PBJ, config, bronze, quarantine);
    ReadStaffingFiles.Result facilities = read(fresh.output(), StaffingDatasets.PROVIDER_INFO, config, bronze, quarantine);
    PCollection<ReadReport> reports = PCollectionList.of(days.reports()).and(facilities.reports())
        .apply("FlattenReports", Flatten.pCollections());
    PCollection<Long> bronzeCommitted =
        ReadReport.bronzeFiles(reports).apply("CommitBronze", writeBronze.committing(bronze)).committed();
    PCollection<Long> quarantineCommitted =
        ReadReport.quarantineFiles(reports).apply("CommitQuarantine", writeQuarantine.committing(quarantine)).committed();

    // Silver: SCD type 1. A batch merge puts out its whole table for gold; a streaming one keeps it in state.
    Merged dailyMerge = merge(lake.silver(DAILY_TABLE), Staffing.DAILY, Staffing.DAILY_KEY, days.rows(), runId,
        config.writeShards(), "Daily");
    Merged providerMerge = merge(lake.silver(PROVIDER_TABLE), Staffing.PROVIDER_INFO, Staffing.PROVIDER_KEY,
        facilities.rows(), runId, config.writeShards(), "ProviderInfo");
    List<PCollection<?>> silverCommitted = List.of(dailyMerge.committed(), providerMerge.committed());

    // Gold: rebuilt from the whole of silver. In batch, from the merges' tables, each gold table replaced once
    // both silver commits are done; in streaming, from both silver tables read again after each window's
    // commits. The daily fact, a row per silver day, is written by the step that computes it.
    PCollectionTuple silver;
    if (streaming) {
      PCollection<Long> silverChanged = PCollectionList.of(dailyMerge.committed()).and(providerMerge.committed())
          .apply("FlattenSilverCommits", Flatten.pCollections());
      silver = PCollectionTuple
          .of(BuildStaffingGold.DAYS, silverChanged.apply("RereadSilverDaily",
              ReadTableAfterCommits.of(lake.silver(DAILY_TABLE), Staffing.DAILY)))
          .and(BuildStaffingGold.PROVIDERS, silverChanged.apply("RereadSilverProviderInfo",
              ReadTableAfterCommits.of(lake.silver(PROVIDER_TABLE), Staffing.PROVIDER_INFO)));
    } else {
      silver = PCollectionTuple.of(BuildStaffingGold.DAYS, dailyMerge.result().table())
          .and(BuildStaffingGold.PROVIDERS, providerMerge.result().table());
    }
    WriteTable writeDailyFact = afterSilver(WriteTable.replacing(lake.gold(BuildStaffingGold.DAILY_FACT), runId),
        silverCommitted, streaming);
    TableSink dailyFacts = writeDailyFact.sinkFor(Staffing.DAILY_FACT, streaming);
    PCollectionTuple gold = silver.apply("BuildGold", new BuildStaffingGold(dailyFacts, config.writeShards()));
    List<PCollection<Long>> goldCommitted = new ArrayList<>();
    goldCommitted.add(gold.get(BuildStaffingGold.DAILY_FACT_FILES)
        .apply("CommitGold_" + BuildStaffingGold.DAILY_FACT, writeDailyFact.committing(dailyFacts)).committed());
    for (String table : BuildStaffingGold.TABLES.keySet()) {
      if (!table.equals(BuildStaffingGold.DAILY_FACT)) {
        goldCommitted.add(gold.get(BuildStaffingGold.table(table))
            .apply("WriteGold_" + table, afterSilver(sharded(WriteTable.replacing(lake.gold(table), runId),
                config.writeShards()), silverCommitted, streaming))
            .committed());
      }
    }
    PCollectionList.of(goldCommitted).apply("FlattenGoldCommits", Flatten.pCollections())
        .apply("WriteReport", WriteStaffingReport.to(lake, config.reportFile()));
    List<PCollection<?>> written = new ArrayList<>(silverCommitted);
    written.addAll(goldCommitted);
    written.add(bronzeCommitted);
    written.add(quarantineCommitted);

    // Audit and alerts.
    PCollection<FileProblem> problems = PCollectionList.of(fresh.failures()).and(ReadReport.problems(reports))
        .apply("FlattenFileProblems", Flatten.pCollections());
    PCollection<KV<String, KV<String, Long>>> tallies = PCollectionList.of(ReadReport.tallies(reports))
        .and(tallyMerged(dailyMerge.result(), "TallyMergedDays"))
        .and(tallyMerged(providerMerge.result(), "TallyMergedFacilities"))
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

  private static ReadStaffingFiles.Result read(PCollection<LandingFile> files, String dataset, StaffingConfig config,
      TableSink bronze, TableSink quarantine) {
    String step = StaffingDatasets.PBJ.equals(dataset) ? "Pbj" : "ProviderInfo";
    return files
        .apply("FilesOf" + step, Filter.by((LandingFile file) -> dataset.equals(file.getClientId())))
        .apply("Read" + step, new ReadStaffingFiles(NAME, dataset, config.columns(), config.runId(),
            config.runStartedAt(), bronze, quarantine, config.readSplitBytes()));
  }

  /** A merge into a silver table and the snapshot of its commit. */
  private record Merged(MergeResult result, PCollection<Long> committed) {}

  /**
   * Merges {@code incoming} into the whole of {@code table}: gold needs every row, so the read is not
   * narrowed to the partitions of the run's files as the members merge's is. A batch merge puts out its
   * table for gold.
   */
  private static Merged merge(LakeTable table, org.apache.beam.sdk.schemas.Schema schema, List<String> key,
      PCollection<Row> incoming, String runId, int writeShards, String name) {
    Optional<Long> read = table.currentSnapshotId();
    PCollection<Row> current = incoming.getPipeline()
        .apply("ReadSilver" + name, ReadTable.of(table, schema).atSnapshot(read));
    MergeScd1 scd1 = MergeScd1.on(key).orderedBy(Staffing.RECORD_SEQUENCE).ignoringForChange(Staffing.LINEAGE_COLUMNS)
        .attributedTo(Staffing.SOURCE_FILE);
    MergeResult merged = MergeInput.of(current, incoming).apply("MergeSilver" + name,
        incoming.isBounded() == PCollection.IsBounded.BOUNDED ? scd1.keepingTable() : scd1);
    PCollection<Long> committed = merged.changes()
        .apply("CommitSilver" + name, sharded(WriteTable.changesTo(table, runId, key).decidedOn(read), writeShards))
        .committed();
    return new Merged(merged, committed);
  }

  /**
   * A gold write in batch commits once both silver commits are done, so that a failed one leaves gold as it
   * was; in streaming its rows were read after them.
   */
  private static WriteTable afterSilver(WriteTable write, List<PCollection<?>> silverCommitted, boolean streaming) {
    return streaming ? write : write.committingAfter(silverCommitted);
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
}
