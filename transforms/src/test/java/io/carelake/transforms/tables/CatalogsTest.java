package io.carelake.transforms.tables;

import static io.carelake.transforms.tables.TablePipelines.append;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.carelake.schemas.Members;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * A catalog other than the embedded one, for real: Iceberg's JDBC catalog on an SQLite database file, as a
 * lake would use PostgreSQL. Tables are written, merged and read through it, and the catalog database
 * itself says where their metadata is.
 */
@RunWith(JUnit4.class)
public class CatalogsTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aJdbcCatalogOnADatabaseHoldsTheLakeTables() throws Exception {
    Path root = tmp.newFolder("lake").toPath();
    Path database = tmp.getRoot().toPath().resolve("catalog.db");
    Lake lake = Lake.at(root.toString(), "type=jdbc,uri=jdbc:sqlite:" + database);
    LakeTable members = lake.silver("members");
    List<Row> rows = TableFixtures.members();

    append(members, "run-1", Partitioning.byValueOf(Members.CLIENT_ID), rows, Members.SILVER);
    append(lake.audit("landing_files"), "run-1", Partitioning.none(), TableFixtures.claims(), TableFixtures.CLAIM);

    assertThat(TableRows.read(members, Members.SILVER), containsInAnyOrder(rows.toArray()));
    assertThat(members.history(), hasSize(1));
    assertThat(lake.tables(), containsInAnyOrder(lake.audit("landing_files"), members));
    assertThat(members.location(), is(root + "/silver/members"));
    assertThat(Files.exists(database), is(true));

    List<String> registered = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        ResultSet tables = connection.createStatement().executeQuery(
            "SELECT table_namespace, table_name, metadata_location FROM iceberg_tables ORDER BY table_name")) {
      while (tables.next()) {
        registered.add(tables.getString(1) + "." + tables.getString(2));
        assertThat(Files.exists(Path.of(tables.getString(3).replaceFirst("^file:", ""))), is(true));
      }
    }
    assertThat(registered, containsInAnyOrder("audit.landing_files", "silver.members"));
    assertThat(lake.describeCatalog(), is("jdbc jdbc:sqlite:" + database));
  }
}
