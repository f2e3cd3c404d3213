package io.carelake.transforms.tables;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * A {@code gs://} lake is described by strings alone: no path here goes through {@code java.nio} or a
 * registered filesystem, so these run without GCS on the class path and without network.
 */
@RunWith(JUnit4.class)
public class CloudStorageLakePathsTest {
  private final Lake lake = Lake.at("gs://bucket/lake");

  @Test
  public void everyZoneIsAFolderUnderTheRoot() {
    assertThat(lake.root(), is("gs://bucket/lake"));
    assertThat(Lake.ZONES.stream().map(lake::zone).collect(Collectors.toList()), contains(
        "gs://bucket/lake/landing", "gs://bucket/lake/bronze", "gs://bucket/lake/silver", "gs://bucket/lake/gold",
        "gs://bucket/lake/quarantine", "gs://bucket/lake/audit", "gs://bucket/lake/alerts"));
  }

  @Test
  public void tableFilesStayInTheBucket() {
    TablePath members = lake.silver("members");

    assertThat(members.path(), is("gs://bucket/lake/silver/members"));
    assertThat(members.snapshotDir(1), is("gs://bucket/lake/silver/members/snapshots/v1"));
    assertThat(members.changesDir(1), is("gs://bucket/lake/silver/members/changes/v1"));
    assertThat(members.commitsDir(), is("gs://bucket/lake/silver/members/_commits"));
    assertThat(members.commitFile(1), is("gs://bucket/lake/silver/members/_commits/00000000000000000001.json"));
    String file = members.resolve("snapshots/v1/part-00003-of-00004.parquet");
    assertThat(file, is("gs://bucket/lake/silver/members/snapshots/v1/part-00003-of-00004.parquet"));
    assertThat(members.relativize(file), is("snapshots/v1/part-00003-of-00004.parquet"));
    assertThat(lake.gold("plan_rates").path(), is("gs://bucket/lake/gold/plan_rates"));
  }

  @Test
  public void datasetRunsAndPatternsStayInTheBucket() {
    DatasetPath audit = lake.audit("files");

    assertThat(audit.path(), is("gs://bucket/lake/audit/files"));
    assertThat(audit.runDir("members-20250301-ab12cd34"), is("gs://bucket/lake/audit/files/run_id=members-20250301-ab12cd34"));
    assertThat(audit.runFilesPattern("r1"), is("gs://bucket/lake/audit/files/run_id=r1/*.parquet"));
    assertThat(audit.allFilesPattern(), is("gs://bucket/lake/audit/files/run_id=*/*.parquet"));
    assertThat(lake.bronze("members").path(), is("gs://bucket/lake/bronze/members"));
  }

  @Test
  public void aBucketRootAndTrailingSlashesGiveTheSamePaths() {
    assertThat(Lake.at("gs://bucket/lake//"), is(lake));
    assertThat(Lake.at("gs://bucket").silver("members").path(), is("gs://bucket/silver/members"));
    assertThat(Lake.at("gs://bucket/").quarantine("members").runDir("r1"), is("gs://bucket/quarantine/members/run_id=r1"));
  }

  @Test
  public void aRootWithoutBucketIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lake.at("gs://"));
    assertThat(e.getMessage(), containsString("no bucket"));
  }
}
