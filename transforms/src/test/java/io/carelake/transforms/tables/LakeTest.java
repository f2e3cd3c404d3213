package io.carelake.transforms.tables;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class LakeTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private final Lake gcs = Lake.at("gs://acme-lake/prod/", "type=rest,uri=https://catalog.example.org/api");

  @Test
  public void zonesAreFoldersOfTheRootAndTablesAreNamedByZone() {
    assertThat(gcs.root(), is("gs://acme-lake/prod"));
    assertThat(gcs.landing(), is("gs://acme-lake/prod/landing"));
    assertThat(gcs.zone(Lake.QUARANTINE), is("gs://acme-lake/prod/quarantine"));
    assertThat(gcs.silver("members").toString(), is("silver/members"));
    assertThat(gcs.table("gold.plan_rates"), is(gcs.gold("plan_rates")));
    assertThat(gcs.table("audit/landing_files"), is(gcs.audit("landing_files")));
  }

  @Test
  public void localRootsBecomeAbsolute() {
    assertThat(Lake.at("lake/").root(), is(Paths.get("lake").toAbsolutePath().toString()));
    assertThat(Lake.at("/data/lake/").root(), is("/data/lake"));
  }

  @Test
  public void aLakeOnCloudStorageNeedsACatalogWithAtomicCommits() {
    IllegalArgumentException embedded = assertThrows(IllegalArgumentException.class, () -> Lake.at("gs://bucket/lake"));
    assertThat(embedded.getMessage(), containsString("atomic commits"));
    IllegalArgumentException hadoop = assertThrows(IllegalArgumentException.class,
        () -> Lake.at("gs://bucket/lake", "type=hadoop"));
    assertThat(hadoop.getMessage(), containsString("atomic commits"));
    assertThrows(IllegalArgumentException.class, () -> Lake.at("gs://"));
  }

  @Test
  public void landingIsNotATableZoneAndNamesCannotEscapeTheirZone() {
    assertThrows(IllegalArgumentException.class, () -> gcs.table(Lake.LANDING, "members"));
    assertThrows(IllegalArgumentException.class, () -> gcs.zone("platinum"));
    assertThrows(IllegalArgumentException.class, () -> gcs.silver("../gold/x"));
    assertThrows(IllegalArgumentException.class, () -> gcs.silver(".."));
    assertThrows(IllegalArgumentException.class, () -> gcs.silver(" "));
    assertThrows(IllegalArgumentException.class, () -> gcs.table("members"));
    IllegalArgumentException metadataName = assertThrows(IllegalArgumentException.class, () -> gcs.audit("files"));
    assertThat(metadataName.getMessage(), containsString("Iceberg metadata table"));
    assertThrows(IllegalArgumentException.class, () -> Lake.at(""));
  }

  @Test
  public void catalogPropertiesComeInlineOrFromAFileAndAreNeverShown() throws Exception {
    Path properties = tmp.newFile("catalog.properties").toPath();
    Files.writeString(properties, "type=jdbc\nuri=jdbc:postgresql://db.internal:5432/lake\njdbc.user=lake\n"
        + "jdbc.password=s3cret-pass\n");
    Lake fromFile = Lake.at("/data/lake", properties.toString());
    Lake inline = Lake.at("/data/lake", "type=jdbc, uri=jdbc:postgresql://db.internal:5432/lake, jdbc.user=lake,"
        + " jdbc.password=s3cret-pass");

    assertThat(fromFile.describeCatalog(), is(inline.describeCatalog()));
    assertThat(fromFile.describeCatalog(), is("jdbc jdbc:postgresql://db.internal:5432/lake"));
    assertThat(fromFile.describeCatalog(), not(containsString("s3cret")));
    assertThat(Lake.at("/data/lake").describeCatalog(), is("hadoop"));
    IllegalArgumentException noType = assertThrows(IllegalArgumentException.class,
        () -> Lake.at("/data/lake", "uri=thrift://metastore:9083"));
    assertThat(noType.getMessage(), containsString("'type'"));
    assertThrows(IllegalArgumentException.class, () -> Lake.at("/data/lake", "type=rest,uri"));
  }

  @Test
  public void rawZonesWriteParquetWithoutDictionariesAndOtherZonesWithThem() throws Exception {
    Lake lake = Lake.at(tmp.newFolder("lake").toString());
    org.apache.iceberg.Table bronze = lake.bronze("members")
        .createOrEvolve(io.carelake.schemas.Members.SILVER, Partitioning.none(), java.util.List.of());
    org.apache.iceberg.Table quarantine = lake.quarantine("members")
        .createOrEvolve(io.carelake.schemas.Members.SILVER, Partitioning.none(), java.util.List.of());
    org.apache.iceberg.Table silver = lake.silver("members")
        .createOrEvolve(io.carelake.schemas.Members.SILVER, Partitioning.none(), java.util.List.of());
    assertThat(bronze.properties().get("parquet.enable.dictionary"), is("false"));
    assertThat(quarantine.properties().get("parquet.enable.dictionary"), is("false"));
    assertThat(silver.properties().containsKey("parquet.enable.dictionary"), is(false));
  }

  @Test
  public void lakesAndTablesAreSerializableValues() {
    assertThat(SerializableUtils.clone(gcs.silver("members")), is(gcs.silver("members")));
    assertThat(SerializableUtils.clone(gcs), is(gcs));
    assertThat(SerializableUtils.clone(Lake.at("/data/lake")), is(Lake.at("/data/lake/")));
  }
}
