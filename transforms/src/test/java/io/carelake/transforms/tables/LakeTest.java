package io.carelake.transforms.tables;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.nio.file.Paths;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class LakeTest {
  private final Lake gcs = Lake.at("gs://acme-lake/prod/");

  @Test
  public void tablePathsOnCloudStorage() {
    TablePath members = gcs.silver("members");

    assertThat(members.path(), is("gs://acme-lake/prod/silver/members"));
    assertThat(members.zone(), is("silver"));
    assertThat(members.name(), is("members"));
    assertThat(members.snapshotDir(3), is("gs://acme-lake/prod/silver/members/snapshots/v3"));
    assertThat(members.changesDir(3), is("gs://acme-lake/prod/silver/members/changes/v3"));
    assertThat(members.commitFile(12), is("gs://acme-lake/prod/silver/members/_commits/00000000000000000012.json"));
    assertThat(members.resolve("snapshots/v3/part-00000-of-00001.parquet"),
        is("gs://acme-lake/prod/silver/members/snapshots/v3/part-00000-of-00001.parquet"));
    assertThat(members.relativize("gs://acme-lake/prod/silver/members/changes/v3/part-00000-of-00001.parquet"),
        is("changes/v3/part-00000-of-00001.parquet"));
  }

  @Test
  public void datasetPathsOnCloudStorage() {
    DatasetPath quarantine = gcs.quarantine("members");

    assertThat(quarantine.path(), is("gs://acme-lake/prod/quarantine/members"));
    assertThat(quarantine.runDir("2024-01-05T10-00"), is("gs://acme-lake/prod/quarantine/members/run_id=2024-01-05T10-00"));
    assertThat(quarantine.allFilesPattern(), is("gs://acme-lake/prod/quarantine/members/run_id=*/*.parquet"));
    assertThat(gcs.landing(), is("gs://acme-lake/prod/landing"));
  }

  @Test
  public void localRootsBecomeAbsolute() {
    Lake relative = Lake.at("lake/");

    assertThat(relative.root(), is(Paths.get("lake").toAbsolutePath().toString()));
    assertThat(Lake.at("/data/lake/").bronze("members").path(), is("/data/lake/bronze/members"));
    assertThat(Lake.at("/data/lake").gold("plan_rates").path(), is("/data/lake/gold/plan_rates"));
  }

  @Test
  public void zonesHoldTheirKindOfData() {
    assertThrows(IllegalArgumentException.class, () -> gcs.table(Lake.BRONZE, "members"));
    assertThrows(IllegalArgumentException.class, () -> gcs.dataset(Lake.SILVER, "members"));
    assertThrows(IllegalArgumentException.class, () -> gcs.zone("platinum"));
  }

  @Test
  public void namesCannotEscapeTheirZone() {
    assertThrows(IllegalArgumentException.class, () -> gcs.silver("../gold/x"));
    assertThrows(IllegalArgumentException.class, () -> gcs.silver(".."));
    assertThrows(IllegalArgumentException.class, () -> gcs.silver(" "));
    assertThrows(IllegalArgumentException.class, () -> gcs.audit("files").runDir("a/b"));
    assertThrows(IllegalArgumentException.class, () -> Lake.at(""));
  }

  @Test
  public void pathsAreSerializableValues() {
    assertThat(SerializableUtils.clone(gcs.silver("members")), is(gcs.silver("members")));
    assertThat(SerializableUtils.clone(gcs.alerts("freshness")), is(gcs.alerts("freshness")));
    assertThat(SerializableUtils.clone(gcs), is(Lake.at("gs://acme-lake/prod")));
  }
}
