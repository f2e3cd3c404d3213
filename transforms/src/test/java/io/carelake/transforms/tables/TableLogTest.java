package io.carelake.transforms.tables;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class TableLogTest {
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private TablePath table() {
    return Lake.at(tmp.getRoot().getPath()).silver("members");
  }

  private static CommitRecord record(long version, String runId) {
    return new CommitRecord(version, version - 1, runId, "2024-01-05T10:15:30Z", "merge",
        List.of("snapshots/v" + version + "/part-00000-of-00001.parquet"),
        List.of("changes/v" + version + "/part-00000-of-00001.parquet"), 10, 2, List.of(), null);
  }

  @Test
  public void tableWithoutCommitsIsEmpty() {
    TableLog log = TableLog.of(table());

    assertThat(log.latestVersion(), is(0L));
    assertThat(log.versions(), is(List.of()));
    assertThat(log.latest(), is(Optional.empty()));
  }

  @Test
  public void commitRecordsReadBackAsWritten() throws IOException {
    TableLog log = TableLog.of(table());
    log.commit(record(1, "run-1"));
    log.commit(record(2, "run-2"));
    log.commit(record(10, "run-3"));

    assertThat(log.versions(), contains(1L, 2L, 10L));
    assertThat(log.latestVersion(), is(10L));
    assertThat(log.read(2), is(record(2, "run-2")));
    assertThat(log.latest(), is(Optional.of(record(10, "run-3"))));
    String json = Files.readString(Paths.get(table().commitFile(1)), StandardCharsets.UTF_8);
    assertThat(json, containsString("\"run_id\" : \"run-1\""));
    assertThat(json, containsString("\"snapshot_files\" : [ \"snapshots/v1/part-00000-of-00001.parquet\" ]"));
  }

  @Test
  public void onlyCompleteCommitRecordsCount() throws IOException {
    TableLog log = TableLog.of(table());
    log.commit(record(1, "run-1"));
    Path commits = Paths.get(table().commitsDir());
    Files.writeString(commits.resolve(".tmp-2-crashed"), "{\"version\": 2");
    Files.writeString(commits.resolve("2.json"), "{}");

    assertThat(log.versions(), contains(1L));
  }

  @Test
  public void retryOfTheSameRunKeepsItsCommit() throws IOException {
    TableLog log = TableLog.of(table());
    log.commit(record(1, "run-1"));
    log.commit(record(1, "run-1"));

    assertThat(log.versions(), contains(1L));
  }

  @Test
  public void anotherRunCannotCommitTheSameVersion() throws IOException {
    TableLog log = TableLog.of(table());
    log.commit(record(1, "run-1"));

    IllegalStateException conflict = assertThrows(IllegalStateException.class, () -> log.commit(record(1, "run-2")));
    assertThat(conflict.getMessage(), containsString("committed by run run-1 while run run-2 wrote it"));
    assertThat(log.read(1).runId(), is("run-1"));
  }
}
