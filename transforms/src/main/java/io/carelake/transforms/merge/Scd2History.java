package io.carelake.transforms.merge;

import io.carelake.transforms.tables.ChangeFeed;
import io.carelake.transforms.tables.RowHashes;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What SCD type 2 does with one key: the key's history rows and its incoming records in, its recomputed
 * history, the change rows that replace the old one and every incoming record's outcome out.
 *
 * <p>The history is a function of the set of records kept for the key, one per sequence, and nothing
 * else: records are taken in sequence order; an active record whose tracked columns differ from the version
 * in force opens a version (the one in force ends at its sequence), one equal to it is absorbed; a record
 * that is ended closes the version in force and leaves none open. So that a later batch can recompute the
 * history exactly, a history row keeps the records it absorbed (and the one that ended it) in
 * {@link MergeScd2#ABSORBED}: merging the history of earlier batches gives what merging all records at
 * once gives, whatever the order or the split into batches. One exception, in lineage only: a record
 * loaded again in a later batch with equal values and the same attribution (a file read again) leaves the
 * history row as it was, so it keeps the lineage (run, ingestion time) of its first load, where merging
 * both copies at once keeps the one with the lower hash. Ended records that come before any active one
 * are kept in a row of version 0, whose interval is empty (valid_to equals valid_from).
 */
final class Scd2History implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final List<String> NO_COLUMNS = List.of();

  private final List<String> keyColumns;
  private final String sequenceColumn;
  private final List<String> trackedColumns;
  private final Set<String> ignoredColumns;
  private final String attributionColumn;
  private final @Nullable SerializableFunction<Row, Boolean> ended;
  private final Schema recordSchema;
  private final Schema historySchema;
  private final Schema changeSchema;

  Scd2History(List<String> keyColumns, String sequenceColumn, List<String> trackedColumns,
      Set<String> ignoredColumns, String attributionColumn, @Nullable SerializableFunction<Row, Boolean> ended,
      Schema recordSchema) {
    this.keyColumns = List.copyOf(keyColumns);
    this.sequenceColumn = sequenceColumn;
    this.trackedColumns = List.copyOf(trackedColumns);
    this.ignoredColumns = Set.copyOf(ignoredColumns);
    this.attributionColumn = attributionColumn;
    this.ended = ended;
    this.recordSchema = recordSchema;
    this.historySchema = MergeScd2.historySchema(recordSchema);
    this.changeSchema = ChangeFeed.schemaOf(historySchema);
  }

  /**
   * @param history the key's rows in the history table, of {@link MergeScd2#historySchema}; empty for a new key
   * @param incoming the key's incoming records, of the record schema
   */
  Merged merge(List<Row> history, Iterable<Row> incoming) {
    Map<Long, Row> before = new HashMap<>();
    for (Row row : history) {
      for (Row kept : keptRecords(row)) {
        if (before.put(sequence(kept), kept) != null) {
          // Rows are not shown: they hold provider or member data.
          throw new IllegalStateException("the history holds two records of one key and sequence;"
              + " it was not written by MergeScd2");
        }
      }
    }
    TreeMap<Long, Record> kept = new TreeMap<>();
    before.forEach((sequence, row) -> kept.put(sequence, new Record(row)));
    Set<Record> earlier = Collections.newSetFromMap(new IdentityHashMap<>());
    earlier.addAll(kept.values());
    List<Record> arrived = new ArrayList<>();
    for (Row row : incoming) {
      Record record = new Record(row);
      arrived.add(record);
      // The same delivery loaded again (equal values, same attribution) leaves the history as it was, lineage too.
      kept.merge(record.sequence, record, (was, now) ->
          earlier.contains(was) && was.sameValues(now) && was.attribution().equals(now.attribution())
              ? was : winner(was, now));
    }

    // The history is a function of the kept records: when no incoming record was kept, it is as it was.
    boolean changed = arrived.stream().anyMatch(record -> kept.get(record.sequence) == record);
    Map<Long, Role> roles = new HashMap<>();
    List<Row> rows = changed ? rows(new ArrayList<>(kept.values()), roles) : history;
    List<KV<String, String>> outcomes = new ArrayList<>(arrived.size());
    for (Record record : arrived) {
      outcomes.add(KV.of(record.row.getString(attributionColumn),
          outcome(record, kept.get(record.sequence), before.get(record.sequence), roles, history.isEmpty()).label()));
    }
    return new Merged(rows, changed ? changes(history, rows) : List.of(), outcomes);
  }

  /** The record a history row opened with (its own record columns) and those it absorbed. */
  private List<Row> keptRecords(Row historyRow) {
    List<Row> records = new ArrayList<>();
    records.add(Row.withSchema(recordSchema)
        .attachValues(historyRow.getValues().subList(0, recordSchema.getFieldCount())));
    records.addAll(historyRow.<Row>getArray(MergeScd2.ABSORBED));
    return records;
  }

  private MergeOutcome outcome(Record record, Record winner, @Nullable Row before, Map<Long, Role> roles,
      boolean newKey) {
    if (record != winner) {
      return record.sameValues(winner) ? MergeOutcome.UNCHANGED : MergeOutcome.SUPERSEDED;
    }
    if (before != null) {
      // It won its sequence from a record kept earlier: new information only if the values differ.
      return winner.sameValues(new Record(before)) ? MergeOutcome.UNCHANGED : MergeOutcome.UPDATED;
    }
    return switch (roles.get(record.sequence)) {
      case OPENS -> newKey ? MergeOutcome.INSERTED : MergeOutcome.UPDATED;
      case ENDS -> MergeOutcome.ENDED;
      case ABSORBED -> MergeOutcome.UNCHANGED;
    };
  }

  /** The key's history rows from its kept records, in sequence order; notes what each record did. */
  private List<Row> rows(List<Record> records, Map<Long, Role> roles) {
    List<Span> spans = new ArrayList<>();
    Span open = null;
    Span last = null;
    for (Record record : records) {
      if (ended != null && Boolean.TRUE.equals(ended.apply(record.row))) {
        if (open != null) {
          open.validTo = record.sequence;
          open.absorbed.add(record.row);
          open = null;
          roles.put(record.sequence, Role.ENDS);
        } else if (last != null) {
          last.absorbed.add(record.row);
          roles.put(record.sequence, Role.ABSORBED);
        } else {
          last = new Span(record, 0);
          last.validTo = record.sequence;
          spans.add(last);
          roles.put(record.sequence, Role.OPENS);
        }
      } else if (open != null && Arrays.equals(open.opener.tracked(), record.tracked())) {
        open.absorbed.add(record.row);
        roles.put(record.sequence, Role.ABSORBED);
      } else {
        if (open != null) {
          open.validTo = record.sequence;
        }
        open = new Span(record, last == null ? 1 : last.version + 1);
        last = open;
        spans.add(open);
        roles.put(record.sequence, Role.OPENS);
      }
    }
    List<Row> rows = new ArrayList<>(spans.size());
    for (Span span : spans) {
      rows.add(span.toRow(span == open));
    }
    return rows;
  }

  /**
   * Every row of the key's new history as a change row: the table is keyed on the key columns, so an
   * update row's equality delete removes all of the key's earlier rows (also versions a late record merged
   * away) and the rows committed with it replace them. The before hash is that of the row of the same
   * version id the key had, null for a new version.
   */
  private List<Row> changes(List<Row> history, List<Row> rows) {
    Map<String, Row> earlier = new HashMap<>();
    history.forEach(row -> earlier.put(row.getString(MergeScd2.VERSION_ID), row));
    String changeType = history.isEmpty() ? ChangeFeed.INSERT : ChangeFeed.UPDATE;
    List<Row> changes = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Row was = earlier.get(row.getString(MergeScd2.VERSION_ID));
      List<Object> values = new ArrayList<>(changeSchema.getFieldCount());
      values.addAll(row.getValues());
      values.add(changeType);
      values.add(was == null ? null : rowHash(was));
      values.add(rowHash(row));
      changes.add(Row.withSchema(changeSchema).attachValues(values));
    }
    return changes;
  }

  /**
   * The hash of a history row without lineage, in the row and in the records it absorbed: lineage such as
   * an ingestion time differs between two runs of the same records, and the hash must not.
   */
  String rowHash(Row historyRow) {
    Collection<Row> absorbed = historyRow.getArray(MergeScd2.ABSORBED);
    if (absorbed.isEmpty()) {
      return RowHashes.hash(historyRow, ignoredColumns);
    }
    List<Row> withoutLineage = new ArrayList<>(absorbed.size());
    for (Row record : absorbed) {
      List<Object> values = new ArrayList<>(record.getValues());
      for (String column : ignoredColumns) {
        values.set(recordSchema.indexOf(column), null);
      }
      withoutLineage.add(Row.withSchema(recordSchema).attachValues(values));
    }
    List<Object> values = new ArrayList<>(historyRow.getValues());
    values.set(historySchema.indexOf(MergeScd2.ABSORBED), withoutLineage);
    return RowHashes.hash(Row.withSchema(historySchema).attachValues(values), ignoredColumns);
  }

  /**
   * The record kept for a sequence: the higher hash of the columns not ignored for change, as in SCD type
   * 1; between equal values, the lower attribution (the earlier of files named by date, so that the same
   * record delivered again does not rewrite the history), then the lower hash of all columns.
   */
  private static Record winner(Record one, Record other) {
    int byValues = one.hash().compareTo(other.hash());
    if (byValues != 0) {
      return byValues > 0 ? one : other;
    }
    int byAttribution = one.attribution().compareTo(other.attribution());
    if (byAttribution != 0) {
      return byAttribution < 0 ? one : other;
    }
    return one.fullHash().compareTo(other.fullHash()) <= 0 ? one : other;
  }

  private long sequence(Row record) {
    return record.getInt64(sequenceColumn);
  }

  /** Hex SHA-256 of the key's canonical encoding and the version's first sequence. */
  String versionId(Row record, long validFrom) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    sha256.update(RowHashes.encode(record, keyColumns));
    sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(validFrom).array());
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** What a kept record did in the key's history. */
  private enum Role {
    OPENS,
    ENDS,
    ABSORBED
  }

  /** One history row being built: the record that opened it and the records it absorbed. */
  private final class Span {
    private final Record opener;
    private final int version;
    private final List<Row> absorbed = new ArrayList<>();
    private @Nullable Long validTo;

    Span(Record opener, int version) {
      this.opener = opener;
      this.version = version;
    }

    Row toRow(boolean current) {
      List<Object> values = new ArrayList<>(historySchema.getFieldCount());
      values.addAll(opener.row.getValues());
      values.add(opener.sequence);
      values.add(validTo);
      values.add(current);
      values.add(version);
      values.add(versionId(opener.row, opener.sequence));
      values.add(List.copyOf(absorbed));
      return Row.withSchema(historySchema).attachValues(values);
    }
  }

  /** A record with its hashes, computed when first needed. */
  private final class Record {
    private final Row row;
    private final long sequence;
    private String hash;
    private String fullHash;
    private byte[] tracked;

    Record(Row row) {
      this.row = row;
      this.sequence = sequence(row);
    }

    String hash() {
      if (hash == null) {
        hash = RowHashes.hash(row, ignoredColumns);
      }
      return hash;
    }

    String fullHash() {
      if (fullHash == null) {
        fullHash = RowHashes.hash(row, NO_COLUMNS);
      }
      return fullHash;
    }

    String attribution() {
      return row.getString(attributionColumn);
    }

    byte[] tracked() {
      if (tracked == null) {
        tracked = RowHashes.encode(row, trackedColumns);
      }
      return tracked;
    }

    boolean sameValues(Record other) {
      return hash().equals(other.hash());
    }
  }

  /**
   * @param history the key's history rows after the merge, oldest first (as given when unchanged)
   * @param changes the change rows that replace the key's rows in the table; empty when nothing changed
   * @param outcomes per incoming record, its attribution and the label of its {@link MergeOutcome}
   */
  record Merged(List<Row> history, List<Row> changes, List<KV<String, String>> outcomes) {}
}
