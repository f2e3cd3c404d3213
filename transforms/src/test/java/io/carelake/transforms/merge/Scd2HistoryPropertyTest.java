package io.carelake.transforms.merge;

import static io.carelake.transforms.merge.ProviderFixtures.DEACTIVATION_DATE;
import static io.carelake.transforms.merge.ProviderFixtures.LAST_UPDATED;
import static io.carelake.transforms.merge.ProviderFixtures.NAME;
import static io.carelake.transforms.merge.ProviderFixtures.NPI;
import static io.carelake.transforms.merge.ProviderFixtures.PHONE;
import static io.carelake.transforms.merge.ProviderFixtures.PROVIDER;
import static io.carelake.transforms.merge.ProviderFixtures.SOURCE_FILE;
import static io.carelake.transforms.merge.ProviderFixtures.TAXONOMY;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertEquals;

import io.carelake.transforms.tables.ChangeFeed;
import io.carelake.transforms.tables.RowHashes;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The SCD type 2 history does not depend on the order of the updates nor on how they are split into runs:
 * random update sets, merged in shuffled batches each into the history the previous batches left (through
 * the change rows, as the table would apply them), give the history that a plain reference computes from
 * all the updates at once. The reference is written from the specification, not from {@link Scd2History}.
 */
@RunWith(JUnit4.class)
public class Scd2HistoryPropertyTest {
  private static final int CASES = 200;
  private static final int ORDERS_PER_CASE = 4;
  private static final List<String> NPIS = List.of("1003000126", "1215930367", "1881697878");

  /** An update as generated: one NPPES-like record. */
  record Update(String npi, long lastUpdated, String name, String taxonomy, String phone,
      LocalDate deactivation, String sourceFile) {
    Row row() {
      return Row.withSchema(PROVIDER).addValues(npi, lastUpdated, name, taxonomy, phone, deactivation, sourceFile)
          .build();
    }

    static Update of(Row row) {
      return new Update(row.getString(NPI), row.getInt64(LAST_UPDATED), row.getString(NAME),
          row.getString(TAXONOMY), row.getString(PHONE), row.getLogicalTypeValue(DEACTIVATION_DATE, LocalDate.class),
          row.getString(SOURCE_FILE));
    }

    boolean ended() {
      return deactivation != null;
    }

    boolean sameTracked(Update other) {
      return name.equals(other.name) && taxonomy.equals(other.taxonomy);
    }
  }

  /** One history row, in plain values: the update that opened it and those it absorbed. */
  record Version(String npi, long validFrom, Long validTo, boolean current, int version, String versionId,
      Update opener, List<Update> absorbed) {}

  @Test
  public void anyOrderAndSplitIntoRunsGivesTheHistoryOfAllUpdatesAtOnce() {
    int versionsSeen = 0;
    int lateInsertions = 0;
    for (int seed = 0; seed < CASES; seed++) {
      Random random = new Random(seed);
      List<Update> updates = updates(random);
      List<Version> expected = reference(updates);
      versionsSeen += expected.size();
      for (int order = 0; order < ORDERS_PER_CASE; order++) {
        List<Update> shuffled = new ArrayList<>(updates);
        Collections.shuffle(shuffled, random);
        List<List<Update>> runs = split(shuffled, order, random);
        lateInsertions += lateUpdates(runs);
        List<Version> actual = mergedInRuns(runs);
        assertEquals("seed " + seed + ", order " + order + ", runs " + runs, expected, actual);
      }
    }
    // The generated sets exercise what the property is about, not only trivial histories.
    assertThat(versionsSeen, greaterThan(CASES * 2));
    assertThat(lateInsertions, greaterThan(CASES));
  }

  @Test
  public void everyIncomingRecordHasExactlyOneOutcome() {
    for (int seed = 0; seed < CASES; seed++) {
      Random random = new Random(seed);
      List<Update> updates = updates(random);
      Map<String, List<Row>> byNpi = new TreeMap<>();
      updates.forEach(update -> byNpi.computeIfAbsent(update.npi(), npi -> new ArrayList<>()).add(update.row()));
      int outcomes = 0;
      for (List<Row> records : byNpi.values()) {
        Scd2History.Merged merged = ProviderFixtures.history().merge(List.of(), records);
        outcomes += merged.outcomes().size();
        assertThat(merged.changes().stream().map(change -> change.getString(ChangeFeed.CHANGE_TYPE)).toList(),
            everyItem(is(ChangeFeed.INSERT)));
      }
      assertThat("seed " + seed, outcomes, is(updates.size()));
    }
  }

  /**
   * A few keys, small domains so that sequences tie and values repeat, some deactivations, and records
   * delivered again from another file.
   */
  private static List<Update> updates(Random random) {
    int count = 1 + random.nextInt(14);
    List<Update> updates = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (!updates.isEmpty() && random.nextInt(7) == 0) {
        Update again = updates.get(random.nextInt(updates.size()));
        updates.add(new Update(again.npi(), again.lastUpdated(), again.name(), again.taxonomy(), again.phone(),
            again.deactivation(), file(random)));
        continue;
      }
      String npi = NPIS.get(random.nextInt(1 + random.nextInt(NPIS.size())));
      long lastUpdated = 1 + random.nextInt(10);
      LocalDate deactivation = random.nextInt(5) == 0 ? LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3)) : null;
      updates.add(new Update(npi, lastUpdated, random.nextBoolean() ? "OKAFOR ADA" : "OKAFOR-NG ADA",
          random.nextInt(3) == 0 ? "207Q00000X" : "208D00000X", random.nextBoolean() ? "6175550100" : null,
          deactivation, file(random)));
    }
    return updates;
  }

  private static String file(Random random) {
    return "npidata_pfile_2024010" + (1 + random.nextInt(4)) + ".csv";
  }

  /** The first order runs everything at once, the second one update per run, the others random splits. */
  private static List<List<Update>> split(List<Update> updates, int order, Random random) {
    List<List<Update>> runs = new ArrayList<>();
    if (order == 0) {
      runs.add(updates);
      return runs;
    }
    List<Update> run = new ArrayList<>();
    for (Update update : updates) {
      run.add(update);
      if (order == 1 || random.nextInt(3) == 0) {
        runs.add(run);
        run = new ArrayList<>();
      }
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return runs;
  }

  /** Updates older than one of their key already merged in an earlier run. */
  private static int lateUpdates(List<List<Update>> runs) {
    Map<String, Long> newest = new HashMap<>();
    int late = 0;
    for (List<Update> run : runs) {
      for (Update update : run) {
        Long seen = newest.get(update.npi());
        if (seen != null && update.lastUpdated() < seen) {
          late++;
        }
      }
      run.forEach(update -> newest.merge(update.npi(), update.lastUpdated(), Math::max));
    }
    return late;
  }

  /**
   * Merges run after run; after each, a key's table rows become its change rows without the change
   * columns (an update replacing every earlier row of the key), or stay as they were without changes.
   */
  private static List<Version> mergedInRuns(List<List<Update>> runs) {
    Scd2History scd2 = ProviderFixtures.history();
    Map<String, List<Row>> table = new TreeMap<>();
    for (List<Update> run : runs) {
      Map<String, List<Row>> incoming = new LinkedHashMap<>();
      run.forEach(update -> incoming.computeIfAbsent(update.npi(), npi -> new ArrayList<>()).add(update.row()));
      for (Map.Entry<String, List<Row>> key : incoming.entrySet()) {
        List<Row> before = table.getOrDefault(key.getKey(), List.of());
        Scd2History.Merged merged = scd2.merge(before, key.getValue());
        assertThat(merged.outcomes().size(), is(key.getValue().size()));
        if (merged.changes().isEmpty()) {
          continue;
        }
        List<Row> rows = new ArrayList<>();
        for (Row change : merged.changes()) {
          assertEquals(before.isEmpty() ? ChangeFeed.INSERT : ChangeFeed.UPDATE, change.getString(ChangeFeed.CHANGE_TYPE));
          rows.add(Row.withSchema(ProviderFixtures.HISTORY)
              .attachValues(change.getValues().subList(0, ProviderFixtures.HISTORY.getFieldCount())));
        }
        assertEquals(hashes(merged.history()), hashes(rows));
        table.put(key.getKey(), rows);
      }
    }
    List<Version> versions = new ArrayList<>();
    table.values().forEach(rows -> rows.forEach(row -> versions.add(version(row))));
    versions.sort(Comparator.comparing(Version::npi).thenComparingLong(Version::validFrom));
    return versions;
  }

  private static List<String> hashes(List<Row> rows) {
    List<String> hashes = new ArrayList<>();
    rows.forEach(row -> hashes.add(RowHashes.hash(row, List.of())));
    Collections.sort(hashes);
    return hashes;
  }

  private static Version version(Row row) {
    List<Update> absorbed = new ArrayList<>();
    row.<Row>getArray(MergeScd2.ABSORBED).forEach(record -> absorbed.add(Update.of(record)));
    return new Version(row.getString(NPI), row.getInt64(MergeScd2.VALID_FROM), row.getInt64(MergeScd2.VALID_TO),
        row.getBoolean(MergeScd2.IS_CURRENT), row.getInt32(MergeScd2.VERSION), row.getString(MergeScd2.VERSION_ID),
        Update.of(row), absorbed);
  }

  /**
   * The history of all updates at once. Per NPI and last-updated time one record is kept: the highest hash
   * of its values without the source file, then the lowest source file, then the lowest hash of all its
   * columns. In time order, an active record starts a version when it is the first, follows a deactivated
   * record or differs from the record before it in name or taxonomy. A version is valid until the next
   * record that starts a version or is deactivated. Deactivated records before any version make a version
   * 0 row of empty interval. Each row absorbs the records after it up to the next row.
   */
  private static List<Version> reference(List<Update> updates) {
    Map<String, TreeMap<Long, List<Update>>> byNpi = new TreeMap<>();
    for (Update update : updates) {
      byNpi.computeIfAbsent(update.npi(), npi -> new TreeMap<>())
          .computeIfAbsent(update.lastUpdated(), time -> new ArrayList<>()).add(update);
    }
    Comparator<Update> keptFirst = Comparator
        .comparing((Update update) -> RowHashes.hash(update.row(), List.of(SOURCE_FILE))).reversed()
        .thenComparing(Update::sourceFile)
        .thenComparing(update -> RowHashes.hash(update.row(), List.of()));
    List<Version> versions = new ArrayList<>();
    for (TreeMap<Long, List<Update>> times : byNpi.values()) {
      List<Update> records = times.values().stream().map(ties -> ties.stream().min(keptFirst).orElseThrow()).toList();
      int size = records.size();
      boolean[] startsVersion = new boolean[size];
      boolean[] startsRow = new boolean[size];
      for (int i = 0; i < size; i++) {
        Update record = records.get(i);
        startsVersion[i] = !record.ended()
            && (i == 0 || records.get(i - 1).ended() || !records.get(i - 1).sameTracked(record));
        startsRow[i] = startsVersion[i] || (i == 0 && record.ended());
      }
      int ordinal = 0;
      for (int i = 0; i < size; i++) {
        if (!startsRow[i]) {
          continue;
        }
        int next = i + 1;
        while (next < size && !startsRow[next]) {
          next++;
        }
        Update opener = records.get(i);
        int version = startsVersion[i] ? ++ordinal : 0;
        Long validTo = version == 0 ? Long.valueOf(opener.lastUpdated()) : null;
        for (int j = i + 1; version > 0 && j < size; j++) {
          if (records.get(j).ended() || startsVersion[j]) {
            validTo = records.get(j).lastUpdated();
            break;
          }
        }
        versions.add(new Version(opener.npi(), opener.lastUpdated(), validTo, version > 0 && validTo == null,
            version, versionId(opener), opener, List.copyOf(records.subList(i + 1, next))));
      }
    }
    versions.sort(Comparator.comparing(Version::npi).thenComparingLong(Version::validFrom));
    return versions;
  }

  private static String versionId(Update opener) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(RowHashes.encode(opener.row(), List.of(NPI)));
      sha256.update(ByteBuffer.allocate(8).putLong(opener.lastUpdated()).array());
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
