package io.carelake.transforms.extract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Violation;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class FileSplitTest {
  /**
   * Every way a record can be cut: quoted line breaks, CRLF, lone CR, empty lines, a byte order mark,
   * multi-byte characters (fewer characters than bytes), a record over the size limit, bad CSV, and a
   * quote left open at the end.
   */
  private static final String ROSTER = "\uFEFFid,note\r\n"
      + "1,plain\n"
      + "2,\"two\nlines\"\n"
      + "\n\n"
      + "3,caf\u00e9 \u00fcber \u6771\u4eac\r\n"
      + "4,\"a \"\"quoted\"\" ,\r\n comma\"\r"
      + "5," + "x".repeat(80) + "\n"
      + "6,\"bad\"x\n"
      + "7,short\n"
      + "8,\"never closed\nat the end";

  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  private static List<String> read(FileSplit split) {
    return read(split, 60);
  }

  private static List<String> read(FileSplit split, int maxRecordChars) {
    List<String> records = new ArrayList<>();
    String problem = new CsvFileReader(',', StandardCharsets.UTF_8, maxRecordChars).read(split, new CsvFileReader.Records() {
      @Override
      public void record(long lineNumber, List<String> header, List<String> values, String text) {
        records.add(lineNumber + "|" + values + "|" + text);
      }

      @Override
      public void badRecord(long lineNumber, List<Violation> violations, String text) {
        List<String> rules = new ArrayList<>();
        violations.forEach(violation -> rules.add(violation.getRuleId()));
        records.add(lineNumber + "|bad " + rules + "|" + text);
      }
    });
    if (problem != null) {
      records.add("problem " + problem);
    }
    return records;
  }

  private LandingFile roster(String content) {
    return LandingFixtures.landed(LandingFixtures.write(folder, "acme_20250301.csv", content));
  }

  @Test
  public void splitsTogetherReadEveryRecordOnceInFileOrderWhateverTheirSize() {
    LandingFile file = roster(ROSTER);
    List<String> whole = read(FileSplit.whole(file));
    assertThat(whole, hasSize(8));
    for (long splitBytes = 1; splitBytes <= file.getSizeBytes() + 1; splitBytes++) {
      List<FileSplit> splits = FileSplit.of(file, splitBytes);
      List<String> joined = new ArrayList<>();
      splits.forEach(split -> joined.addAll(read(split)));
      assertThat("split every " + splitBytes + " bytes into " + splits.size(), joined, equalTo(whole));
    }
  }

  @Test
  public void splitsAgreeAcrossTheReadersBufferRefills() {
    // The splitter reads 8,192 characters at a time: a CR as the last character of the first buffer, its
    // LF the first of the second, and a quoted line break as the last character of the second buffer.
    StringBuilder roster = new StringBuilder("id,note\n");
    int id = 0;
    while (roster.length() < 8100) {
      roster.append(++id).append(",x\n");
    }
    roster.append("x".repeat(8191 - roster.length() - 2)).append(",y\r\n");
    String quoted = (++id) + ",\"quoted ";
    roster.append(quoted);
    roster.append("q".repeat(16383 - roster.length())).append("\nbreak\"\n");
    while (roster.length() < 3 * 8192) {
      roster.append(++id).append(",\"a\r\nb\"\r");
    }
    assertThat(roster.substring(8191, 8193), equalTo("\r\n"));
    assertThat(roster.charAt(16383), equalTo('\n'));
    LandingFile file = roster(roster.toString());
    List<String> whole = read(FileSplit.whole(file), 20_000);
    assertThat(whole.stream().filter(record -> record.contains("bad")).toList(), hasSize(0));
    for (long splitBytes : new long[] {1, 7, 4096, 8191, 8192, 8193, 12_000, file.getSizeBytes()}) {
      List<String> joined = new ArrayList<>();
      FileSplit.of(file, splitBytes).forEach(split -> joined.addAll(read(split, 20_000)));
      assertThat("split every " + splitBytes + " bytes", joined, equalTo(whole));
    }
  }

  @Test
  public void aFileIsCutIntoAtMostSixteenSplits() {
    LandingFile file = roster(ROSTER);
    assertThat(FileSplit.of(file, 1), hasSize(FileSplit.MAX_SPLITS));
    assertThat(FileSplit.of(file, file.getSizeBytes()), hasSize(1));
    assertThat(FileSplit.of(file, file.getSizeBytes() / 2 + 1), hasSize(2));
    assertThat(FileSplit.of(file, 50).size(), lessThanOrEqualTo(FileSplit.MAX_SPLITS));
  }

  @Test
  public void aGzippedFileIsOneSplit() {
    File gz = LandingFixtures.write(folder, "acme_20250301.csv.gz",
        LandingFixtures.gzip(LandingFixtures.utf8(ROSTER)));
    LandingFile file = LandingFixtures.landed(gz);
    assertThat(FileSplit.of(file, 1), hasSize(1));
    assertThat(read(FileSplit.of(file, 1).get(0)), equalTo(read(FileSplit.whole(roster(ROSTER)))));
  }

  @Test
  public void everySplitOfAFileWithoutHeaderSaysSo() {
    LandingFile file = roster("\n\n");
    for (FileSplit split : FileSplit.of(file, 1)) {
      assertThat(read(split), contains("problem " + CsvRules.NO_HEADER + ": file has no header record"));
    }
  }

  @Test
  public void splitsSurviveTheirCoder() throws Exception {
    for (FileSplit split : FileSplit.of(roster(ROSTER), 40)) {
      assertThat(CoderUtils.clone(FileSplit.coder(), split), equalTo(split));
    }
  }
}
