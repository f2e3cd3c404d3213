package io.carelake.transforms.extract;

import static io.carelake.transforms.extract.LandingFixtures.write;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.carelake.schemas.LandingFile;
import java.io.File;
import java.io.IOException;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ListLandingFilesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder landing = new TemporaryFolder();

  private static LandingFile listed(File file) {
    return LandingFile.builder()
        .setPath(file.getAbsolutePath()).setName(file.getName()).setSizeBytes(file.length()).build();
  }

  @Test
  public void listsFilesWithNameAndSizeButNotFolders() throws IOException {
    File members = write(landing, "acme_20250131.csv", "member_id\n1\n");
    File compressed = write(landing, "acme_20250131_2.csv.gz", new byte[] {1, 2, 3});
    landing.newFolder("archive");
    write(landing, "archive/acme_20250101.csv", "member_id\n");

    PCollection<LandingFile> files =
        p.apply(ListLandingFiles.matching(landing.getRoot().getAbsolutePath() + "/*"));

    PAssert.that(files).containsInAnyOrder(listed(members), listed(compressed));
    p.run();
  }

  @Test
  public void patternMatchingNothingIsAnEmptyDelivery() {
    PCollection<LandingFile> files =
        p.apply(ListLandingFiles.matching(landing.getRoot().getAbsolutePath() + "/*.csv"));

    PAssert.that(files).empty();
    p.run();
  }

  @Test
  public void pollIntervalWatchesTheZoneAsAStream() {
    PCollection<LandingFile> files = p.apply(ListLandingFiles
        .matching(landing.getRoot().getAbsolutePath() + "/*.csv")
        .withPollInterval(Duration.standardMinutes(1)));

    assertThat(files.isBounded(), is(PCollection.IsBounded.UNBOUNDED));
    p.enableAbandonedNodeEnforcement(false);
  }
}
