package io.carelake.transforms.aggregate;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import io.carelake.schemas.Staffing;
import io.carelake.transforms.tables.GroupIntoShards;
import io.carelake.transforms.tables.TableFiles;
import io.carelake.transforms.tables.TableSink;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The gold star schema from the whole of silver (every PBJ day and every Provider Info facility as the
 * run's merges leave them): the facility dimension, the daily and quarterly facts, and seed 004's views as
 * tables. Averages are resident-day weighted (hours over resident days) over the days included in
 * averages; a state's figures add up its facilities' days. Each table comes out whole, to replace the last.
 */
public final class BuildStaffingGold extends PTransform<PCollectionTuple, PCollectionTuple> {
  /** Input: silver PBJ days ({@link Staffing#DAILY}). */
  public static final TupleTag<Row> DAYS = new TupleTag<>("days");
  /** Input: silver Provider Info facilities ({@link Staffing#PROVIDER_INFO}). */
  public static final TupleTag<Row> PROVIDERS = new TupleTag<>("providers");

  public static final String FACILITY_DIM = "facility_dim";
  public static final String DAILY_FACT = "daily_staffing_fact";
  public static final String QUARTERLY_FACT = "quarterly_provider_fact";
  public static final String HPRD_BY_FACILITY = "hprd_by_facility";
  public static final String HPRD_BY_STATE = "hprd_by_state";
  public static final String STAFFING_MIX = "staffing_mix";
  public static final String UTILIZATION = "utilization";
  public static final String STAFFING_VS_OCCUPANCY = "staffing_vs_occupancy";

  /** The gold tables and their schemas, by table name: the output's tags are the names. */
  public static final Map<String, Schema> TABLES = tables();

  /** Output: the files of the daily fact, written into the sink given. */
  public static final TupleTag<TableFiles> DAILY_FACT_FILES = new TupleTag<>("dailyFactFiles");

  private final TableSink dailyFactSink;
  private final int shards;

  /**
   * @param dailyFactSink where the daily fact is written, a sink for {@link Staffing#DAILY_FACT} rows
   * @param shards 0: each bundle of days writes its own fact files; otherwise the days are grouped into
   *     this many shards first (for runners that make a bundle of every key, see {@code WriteTable.inShards})
   */
  public BuildStaffingGold(TableSink dailyFactSink, int shards) {
    checkArgument(dailyFactSink.rowSchema().equals(Staffing.DAILY_FACT), "the daily fact sink must take daily facts");
    checkArgument(shards >= 0, "shards must not be negative");
    this.dailyFactSink = dailyFactSink;
    this.shards = shards;
  }

  /** The gold table of {@code name} in the output. */
  public static TupleTag<Row> table(String name) {
    return new TupleTag<>(name);
  }

  /**
   * The gold tables, each in its {@link Staffing} schema, tagged by {@link #table(String)}; but the daily
   * fact, one row per silver day, is written where it is computed, into {@code dailyFactSink}, and only
   * its files come out ({@link #DAILY_FACT_FILES}).
   */
  @Override
  public PCollectionTuple expand(PCollectionTuple silver) {
    PCollection<Row> days = silver.get(DAYS);
    PCollection<Row> providers = silver.get(PROVIDERS);
    if (shards > 0) {
      days = days
          .apply("GroupDaysIntoShards", GroupIntoShards.of(shards))
          .apply("DaysOfShards", Values.create())
          .apply("Days", Flatten.iterables());
    }
    Map<String, PCollection<Row>> gold = new LinkedHashMap<>();
    TupleTag<TableFiles> factFiles = new TupleTag<>("dailyFactFiles");
    TupleTag<KV<KV<String, String>, StaffingSums>> daySums = new TupleTag<>("daySums");
    TupleTag<KV<String, PbjFacility>> pbjFacilities = new TupleTag<>("pbjFacilities");
    PCollectionTuple daily = days.apply("DailyFacts", ParDo.of(new DailyFactsFn(dailyFactSink, daySums, pbjFacilities))
        .withOutputTags(factFiles, TupleTagList.of(daySums).and(pbjFacilities)));
    PCollection<TableFiles> writtenFacts = daily.get(factFiles).setCoder(TableFiles.coder());

    PCollection<Row> dim = facilityDimension(daily.get(pbjFacilities)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(PbjFacility.class))), providers);
    gold.put(FACILITY_DIM, dim);
    PCollectionView<Map<String, Row>> facilities = dim
        .apply("KeyFacilities", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.rows()))
            .via(row -> KV.of(row.getString(Staffing.CCN), row)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RowCoder.of(Staffing.FACILITY_DIM)))
        .apply("FacilitiesByCcn", View.asMap());

    PCollection<KV<KV<String, String>, StaffingSums>> quarters = daily.get(daySums)
        .setCoder(KvCoder.of(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()), StaffingSums.coder()))
        .apply("SumFacilityQuarters", Combine.perKey(new StaffingSums.Add()));
    PCollection<Row> quarterly = quarters
        .apply("QuarterlyFacts", ParDo.of(new QuarterlyFactFn(facilities)).withSideInputs(facilities))
        .setRowSchema(Staffing.QUARTERLY_FACT);
    gold.put(QUARTERLY_FACT, quarterly);
    gold.put(HPRD_BY_FACILITY, project(quarterly, "HprdByFacility", Staffing.HPRD_BY_FACILITY));
    gold.put(UTILIZATION, project(quarterly, "Utilization", Staffing.UTILIZATION));
    gold.put(STAFFING_VS_OCCUPANCY, project(quarterly, "StaffingVsOccupancy", Staffing.STAFFING_VS_OCCUPANCY));

    PCollection<KV<KV<String, String>, StaffingSums>> states = quarters
        .apply("StateOfFacilityQuarter", ParDo.of(new StateOfFn(facilities)).withSideInputs(facilities))
        .setCoder(KvCoder.of(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()), StaffingSums.coder()))
        .apply("SumStateQuarters", Combine.perKey(new StaffingSums.Add()));
    gold.put(HPRD_BY_STATE, states.apply("HprdByState", MapElements.into(TypeDescriptors.rows())
        .via(BuildStaffingGold::hprdByState)).setRowSchema(Staffing.HPRD_BY_STATE));
    gold.put(STAFFING_MIX, states.apply("StaffingMix", MapElements.into(TypeDescriptors.rows())
        .via(BuildStaffingGold::staffingMix)).setRowSchema(Staffing.STAFFING_MIX));
    PCollectionTuple tables = PCollectionTuple.of(DAILY_FACT_FILES, writtenFacts);
    for (Map.Entry<String, PCollection<Row>> table : gold.entrySet()) {
      tables = tables.and(table(table.getKey()), table.getValue());
    }
    return tables;
  }

  private static Map<String, Schema> tables() {
    Map<String, Schema> tables = new LinkedHashMap<>();
    tables.put(FACILITY_DIM, Staffing.FACILITY_DIM);
    tables.put(DAILY_FACT, Staffing.DAILY_FACT);
    tables.put(QUARTERLY_FACT, Staffing.QUARTERLY_FACT);
    tables.put(HPRD_BY_FACILITY, Staffing.HPRD_BY_FACILITY);
    tables.put(HPRD_BY_STATE, Staffing.HPRD_BY_STATE);
    tables.put(STAFFING_MIX, Staffing.STAFFING_MIX);
    tables.put(UTILIZATION, Staffing.UTILIZATION);
    tables.put(STAFFING_VS_OCCUPANCY, Staffing.STAFFING_VS_OCCUPANCY);
    return java.util.Collections.unmodifiableMap(tables);
  }

  /** Every facility of Provider Info or PBJ: Provider Info's values, else those of the facility's latest PBJ day. */
  private static PCollection<Row> facilityDimension(PCollection<KV<String, PbjFacility>> pbjParts,
      PCollection<Row> providers) {
    PCollection<KV<String, PbjFacility>> seenInPbj = pbjParts
        .apply("LatestPbjFacility", Combine.perKey(PbjFacility::latest));
    PCollection<KV<String, Row>> inProviderInfo = providers
        .apply("KeyProviders", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.rows()))
            .via(row -> KV.of(row.getString(Staffing.CCN), row)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RowCoder.of(Staffing.PROVIDER_INFO)));
    TupleTag<PbjFacility> pbj = new TupleTag<>("pbj");
    TupleTag<Row> info = new TupleTag<>("providerInfo");
    return KeyedPCollectionTuple.of(pbj, seenInPbj).and(info, inProviderInfo)
        .apply("JoinFacilitySources", CoGroupByKey.create())
        .apply("FacilityDim", MapElements.into(TypeDescriptors.rows())
            .via((KV<String, CoGbkResult> facility) -> facilityRow(facility.getKey(),
                facility.getValue().getOnly(info, null), facility.getValue().getOnly(pbj, null))))
        .setRowSchema(Staffing.FACILITY_DIM);
  }

  private static Row facilityRow(String ccn, @Nullable Row info, @Nullable PbjFacility pbj) {
    Schema schema = Staffing.FACILITY_DIM;
    Object[] values = new Object[schema.getFieldCount()];
    values[schema.indexOf(Staffing.CCN)] = ccn;
    if (info != null) {
      for (Schema.Field field : schema.getFields()) {
        if (Staffing.PROVIDER_INFO.hasField(field.getName())) {
          values[schema.indexOf(field.getName())] = info.getValue(field.getName());
        }
      }
    } else if (pbj != null) {
      values[schema.indexOf(Staffing.PROVIDER_NAME)] = pbj.name;
      values[schema.indexOf("city")] = pbj.city;
      values[schema.indexOf(Staffing.STATE)] = pbj.state;
      values[schema.indexOf("county")] = pbj.county;
    }
    values[schema.indexOf("in_provider_info")] = info != null;
    values[schema.indexOf("in_pbj")] = pbj != null;
    values[schema.indexOf("first_work_date")] = pbj == null ? null : pbj.firstDay;
    values[schema.indexOf("last_work_date")] = pbj == null ? null : pbj.lastDay;
    return Row.withSchema(schema).attachValues(Arrays.asList(values));
  }

  private static PCollection<Row> project(PCollection<Row> rows, String name, Schema schema) {
    return rows.apply(name, MapElements.into(TypeDescriptors.rows()).via(row -> {
      Object[] values = new Object[schema.getFieldCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.getValue(schema.getField(i).getName());
      }
      return Row.withSchema(schema).attachValues(Arrays.asList(values));
    })).setRowSchema(schema);
  }

  private static Row hprdByState(KV<KV<String, String>, StaffingSums> state) {
    StaffingSums sums = state.getValue();
    return Row.withSchema(Staffing.HPRD_BY_STATE).attachValues(state.getKey().getKey(), state.getKey().getValue(),
        sums.facilities(), sums.residentDays(), sums.hprdTotal(), sums.hprdRn(), sums.hprdLpn(), sums.hprdAide(),
        sums.contractShare());
  }

  private static Row staffingMix(KV<KV<String, String>, StaffingSums> state) {
    StaffingSums sums = state.getValue();
    return Row.withSchema(Staffing.STAFFING_MIX).attachValues(state.getKey().getKey(), state.getKey().getValue(),
        sums.employeeHours(), sums.contractHours(), sums.contractShare(), sums.rnContractShare(),
        sums.lpnContractShare(), sums.aideContractShare());
  }

  /**
   * Each silver day's fact, written into the daily fact's files as it is made; per bundle, the days' sums
   * per facility-quarter and what the days say of each facility, added up before they leave: the fact
   * rows, as many as the days, never cross a step.
   */
  private static final class DailyFactsFn extends DoFn<Row, TableFiles> {
    private final TableSink sink;
    private final TupleTag<KV<KV<String, String>, StaffingSums>> daySums;
    private final TupleTag<KV<String, PbjFacility>> pbjFacilities;
    private transient TableSink.BundleWriter writer;
    private transient Map<BoundedWindow, Map<KV<String, String>, StaffingSums>> sums;
    private transient Map<BoundedWindow, Map<String, PbjFacility>> facilities;

    DailyFactsFn(TableSink sink, TupleTag<KV<KV<String, String>, StaffingSums>> daySums,
        TupleTag<KV<String, PbjFacility>> pbjFacilities) {
      this.sink = sink;
      this.daySums = daySums;
      this.pbjFacilities = pbjFacilities;
    }

    @StartBundle
    public void startBundle() {
      writer = sink.openBundle();
      sums = new HashMap<>();
      facilities = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element Row day, BoundedWindow window) {
      Row fact = StaffingFacts.dailyFact(day);
      writer.write(fact, window);
      sums.computeIfAbsent(window, w -> new HashMap<>()).merge(
          KV.of(fact.getString(Staffing.CCN), fact.getString(Staffing.CY_QTR)), StaffingSums.ofDay(fact), StaffingSums::plus);
      facilities.computeIfAbsent(window, w -> new HashMap<>()).merge(day.getString(Staffing.CCN), PbjFacility.of(day),
          (a, b) -> PbjFacility.latest(List.of(a, b)));
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      for (KV<BoundedWindow, TableFiles> files : writer.finish()) {
        context.output(files.getValue(), files.getKey().maxTimestamp(), files.getKey());
      }
      sums.forEach((window, byQuarter) -> byQuarter.forEach((quarter, total) ->
          context.output(daySums, KV.of(quarter, total), window.maxTimestamp(), window)));
      facilities.forEach((window, byCcn) -> byCcn.forEach((ccn, facility) ->
          context.output(pbjFacilities, KV.of(ccn, facility), window.maxTimestamp(), window)));
      writer = null;
    }

    @Teardown
    public void teardown() {
      if (writer != null) {
        writer.close();
      }
    }
  }

  /** A facility-quarter's fact, with its name, state, certified beds and utilisation from the dimension. */
  private static final class QuarterlyFactFn extends DoFn<KV<KV<String, String>, StaffingSums>, Row> {
    private final PCollectionView<Map<String, Row>> facilities;

    QuarterlyFactFn(PCollectionView<Map<String, Row>> facilities) {
      this.facilities = facilities;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      KV<KV<String, String>, StaffingSums> quarter = context.element();
      StaffingSums sums = quarter.getValue();
      Row facility = context.sideInput(facilities).get(quarter.getKey().getKey());
      Integer beds = facility == null ? null : facility.getInt32(Staffing.CERTIFIED_BEDS);
      Double avgCensus = sums.avgCensus();
      Double utilization = beds == null || beds == 0 || avgCensus == null ? null : avgCensus / beds;
      context.output(Row.withSchema(Staffing.QUARTERLY_FACT).attachValues(
          quarter.getKey().getKey(), quarter.getKey().getValue(),
          facility == null ? null : facility.getString(Staffing.PROVIDER_NAME),
          facility == null ? null : facility.getString(Staffing.STATE),
          sums.daysReported(), sums.daysIncluded(), sums.residentDays(), avgCensus,
          sums.hprdTotal(), sums.hprdRn(), sums.hprdLpn(), sums.hprdAide(), sums.contractShare(), beds, utilization));
    }
  }

  /**
   * A facility-quarter's sums keyed by its state and quarter. A facility whose state no source gives is in
   * no state's figures (it keeps its own rows in the facility tables).
   */
  private static final class StateOfFn extends DoFn<KV<KV<String, String>, StaffingSums>, KV<KV<String, String>, StaffingSums>> {
    private final PCollectionView<Map<String, Row>> facilities;

    StateOfFn(PCollectionView<Map<String, Row>> facilities) {
      this.facilities = facilities;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      KV<KV<String, String>, StaffingSums> quarter = context.element();
      Row facility = context.sideInput(facilities).get(quarter.getKey().getKey());
      String state = facility == null ? null : facility.getString(Staffing.STATE);
      if (state != null) {
        context.output(KV.of(KV.of(state, quarter.getKey().getValue()), quarter.getValue().asFacility()));
      }
    }
  }

  /** What PBJ says of a facility: its latest day's name and place, and the first and last day it reported. */
  record PbjFacility(String name, String city, String state, String county, LocalDate lastDay, long lastSequence,
      LocalDate firstDay) implements Serializable {
    static PbjFacility of(Row day) {
      LocalDate date = day.getLogicalTypeValue(Staffing.WORK_DATE, LocalDate.class);
      return new PbjFacility(day.getString(Staffing.PROVIDER_NAME), day.getString("city"), day.getString(Staffing.STATE),
          day.getString("county_name"), date, day.getInt64(Staffing.RECORD_SEQUENCE), date);
    }

    /** The latest day's values (latest delivery among equal days) with the earliest first day. */
    static PbjFacility latest(Iterable<PbjFacility> facilities) {
      PbjFacility latest = null;
      LocalDate first = null;
      for (PbjFacility facility : facilities) {
        if (latest == null || facility.lastDay.isAfter(latest.lastDay)
            || (facility.lastDay.equals(latest.lastDay) && facility.lastSequence > latest.lastSequence)) {
          latest = facility;
        }
        first = first == null || facility.firstDay.isBefore(first) ? facility.firstDay : first;
      }
      Objects.requireNonNull(latest, "a facility is combined from at least one day");
      return new PbjFacility(latest.name, latest.city, latest.state, latest.county, latest.lastDay, latest.lastSequence,
          first);
    }
  }
}
