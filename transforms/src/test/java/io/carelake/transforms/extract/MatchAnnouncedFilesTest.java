package io.carelake.transforms.extract;

import io.carelake.schemas.LandingFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Files announced by notifications: exactly the named object, and nothing for one deleted since. */
@RunWith(JUnit4.class)
public class MatchAnnouncedFilesTest {
  @Rule public final TemporaryFolder landing = new TemporaryFolder();
  @Rule public final transient TestPipeline p = TestPipeline.create();

  @Test
  public void anAnnouncedNameIsNotAPattern() throws Exception {
    Path zone = landing.getRoot().toPath();
    Files.writeString(zone.resolve("acme_20250301[1].csv"), "x");
    Files.writeString(zone.resolve("acme_202503011.csv"), "x");
    Files.writeString(zone.resolve("acme_20250301?.csv"), "x");

    PAssert.that(p
            .apply(Create.of(zone.resolve("acme_20250301[1].csv").toString(), zone.resolve("deleted_20250301.csv").toString()))
            .apply(MatchAnnouncedFiles.create())
            .apply(MapElements.into(TypeDescriptors.strings()).via(LandingFile::getName)))
        .containsInAnyOrder("acme_20250301[1].csv");
    p.run();
  }
}
