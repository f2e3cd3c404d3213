package io.carelake.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.nio.file.Path;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class LocalLakeTest {
  @Test
  public void localFoldersAreMadeAbsolute() {
    assertThat(LocalLake.folder("generate", "lake"), is(Path.of("lake").toAbsolutePath()));
    assertThat(LocalLake.folder("generate", "/data/lake"), is(Path.of("/data/lake")));
  }

  @Test
  public void aCloudStorageLakeIsRefusedNotMadeIntoALocalFolder() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LocalLake.folder("generate", "gs://bucket/lake"));
    assertThat(e.getMessage(), containsString("generate writes a local folder, not gs://bucket/lake"));
  }
}
