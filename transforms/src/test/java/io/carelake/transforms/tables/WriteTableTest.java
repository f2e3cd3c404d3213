package io.carelake.transforms.tables;

import static io.carelake.transforms.tables.TablePipelines.append;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.carelake.schemas.Members;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.apache.iceberg.Table;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Appending to lake tables and reading them back, in batch. */
@RunWith(JUnit4.class)
public class WriteTableTest {
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private Lake lake() {
    return Lake.at(tmp.getRoot().getPath());
  }

  @Test
  public void everyKindOfColumnReadsBackAsWritten() {
    LakeTable claims = lake().bronze("claims");
    append(claims, "run-1", Partitioning.byDayOf("received_at"), TableFixtures.claims(), TableFixtures.CLAIM);

    assertThat(TableRows.read(claims, TableFixtures.CLAIM), containsInAnyOrder(TableFixtures.claims().toArray()));
    PAssert.that(p.apply(ReadTable.of(claims, TableFixtures.CLAIM))).containsInAnyOrder(TableFixtures.claims());
    p.run();
  }

  @Test
  public void membersWithNullAndEmptyValuesReadBackAsWritten() {
    LakeTable members = lake().bronze("members");
    append(members, "run-1", Partitioning.byValueOf(Members.CLIENT_ID), TableFixtures.members(), Members.SILVER);

    assertThat(TableRows.read(members, Members.SILVER), containsInAnyOrder(TableFixtures.members().toArray()));
    assertThat(members.schema(), is(Members.SILVER));
  }

  @Test
  public void eachRunIsOneSnapshotNamedByTheRunAndTheTableIsPartitionedAsAsked() {
    LakeTable claims = lake().bronze("claims");
    append(claims, "run-1", Partitioning.byDayOf("received_at"), TableFixtures.claims(), TableFixtures.CLAIM);
    append(claims, "run-2", Partitioning.byDayOf("received_at"), TableFixtures.claims().subList(0, 1),
        TableFixtures.CLAIM);

    List<TableSnapshot> history = claims.history();
    assertThat(history, hasSize(2));
    assertThat(history.get(0).runId(), is("run-1"));
    assertThat(history.get(0).commitId(), is("run-1"));
    assertThat(history.get(0).addedRows(), is(2L));
    assertThat(history.get(1).runId(), is("run-2"));
    assertThat(history.get(1).totalRows(), is(3L));
    assertThat(claims.hasCommitsOfRun("run-2"), is(true));
    assertThat(claims.hasCommitsOfRun("run-3"), is(false));
    Table table = claims.load();
    assertThat(table.spec().fields().get(0).transform().toString(), is("day"));
    assertThat(table.properties().get("format-version"), nullValue());
    assertThat(((org.apache.iceberg.BaseTable) table).operations().current().formatVersion(), is(2));
    assertThat(TableRows.read(claims), hasSize(3));
  }

  @Test
  public void aReplacingWriteReplacesEveryRowInShardsAndAnEmptyOneEmptiesTheTable() {
    LakeTable facts = lake().gold("facts");
    List<Row> first = TableFixtures.claims();
    TablePipelines.run(pipeline -> TablePipelines.rows(pipeline, "Rows", first, TableFixtures.CLAIM)
        .apply("Replace", WriteTable.replacing(facts, "run-1").inShards(3)));
    assertThat(TableRows.read(facts), containsInAnyOrder(first.toArray()));

    List<Row> second = first.subList(1, 2);
    TablePipelines.run(pipeline -> TablePipelines.rows(pipeline, "Rows", second, TableFixtures.CLAIM)
        .apply("Replace", WriteTable.replacing(facts, "run-2").inShards(3)));
    assertThat(TableRows.read(facts), contains(second.toArray()));
    assertThat(facts.rowCount(), is(1L));

    TablePipelines.run(pipeline -> TablePipelines.rows(pipeline, "Rows", List.of(), TableFixtures.CLAIM)
        .apply("Replace", WriteTable.replacing(facts, "run-3")));
    assertThat(TableRows.read(facts), empty());
    assertThat(facts.history().get(facts.history().size() - 1).runId(), is("run-3"));
  }

  @Test
  public void timeTravelReadsAnEarlierSnapshot() {
    LakeTable claims = lake().bronze("claims");
    append(claims, "run-1", Partitioning.none(), TableFixtures.claims().subList(0, 1), TableFixtures.CLAIM);
    long first = claims.currentSnapshotId().orElseThrow();
    append(claims, "run-2", Partitioning.none(), TableFixtures.claims().subList(1, 2), TableFixtures.CLAIM);

    assertThat(TableRows.readSnapshot(claims, first), hasSize(1));
    assertThat(TableRows.read(claims), hasSize(2));
    PAssert.that(p.apply(ReadTable.of(claims, TableFixtures.CLAIM).atSnapshot(Optional.of(first))))
        .containsInAnyOrder(TableFixtures.claims().subList(0, 1));
    p.run();
  }

  @Test
  public void aTableThatDoesNotExistReadsAsEmptyAndAnEmptyWriteCommitsNothing() {
    LakeTable missing = lake().audit("landing_files");
    PAssert.that(p.apply(ReadTable.of(missing, TableFixtures.CLAIM))).empty();
    p.run();
    assertThat(TableRows.read(missing), empty());

    append(missing, "run-1", Partitioning.none(), List.of(), TableFixtures.CLAIM);
    assertThat(missing.exists(), is(true));
    assertThat(missing.history(), empty());
  }

  @Test
  public void rowsWithANewColumnAddItAndEarlierRowsReadItAsNull() {
    LakeTable members = lake().bronze("members");
    append(members, "run-1", Partitioning.none(), TableFixtures.members(), Members.SILVER);
    Schema wider = Schema.builder().addFields(Members.SILVER.getFields())
        .addNullableField("middle_name", FieldType.STRING).build();
    Row withMiddleName = Row.fromRow(Row.withSchema(wider)
            .addValues(new ArrayList<>(TableFixtures.member("M9", "Ada", 9).getValues())).addValue("Lovelace").build())
        .build();
    append(members, "run-2", Partitioning.none(), List.of(withMiddleName), wider);

    List<Row> rows = TableRows.read(members, wider);
    assertThat(rows, hasSize(4));
    assertThat(rows.stream().map(row -> row.getString("middle_name")).toList(),
        containsInAnyOrder(null, null, null, "Lovelace"));
    assertThat(TableRows.read(members, Members.SILVER), everyItem(org.hamcrest.Matchers.instanceOf(Row.class)));
  }

  @Test
  public void onlyTheRowsOfTheAskedValuesAreRead() {
    LakeTable members = lake().silver("members");
    List<Row> rows = new ArrayList<>();
    for (String client : List.of("acme", "beta", "cedar")) {
      rows.add(Row.fromRow(TableFixtures.member("M1", "Ada", 1)).withFieldValue(Members.CLIENT_ID, client).build());
    }
    append(members, "run-1", Partitioning.byValueOf(Members.CLIENT_ID), rows, Members.SILVER);

    org.apache.beam.sdk.values.PCollectionView<List<String>> clients = p
        .apply("Clients", org.apache.beam.sdk.transforms.Create.of("beta", "cedar"))
        .apply(org.apache.beam.sdk.transforms.View.asList());
    PAssert.that(p.apply(ReadTable.of(members, Members.SILVER).onlyWhere(Members.CLIENT_ID, clients)))
        .containsInAnyOrder(rows.subList(1, 3));
    p.run();
    assertThat(TableRows.read(members).stream().map(row -> row.getString(Members.CLIENT_ID)).sorted().toList(),
        contains("acme", "beta", "cedar"));
  }
}
