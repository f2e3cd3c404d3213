package io.carelake.transforms.extract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class CsvRecordSplitterTest {
  /** Each record as {@code line|ending|text}, with line breaks in the text shown as \r and \n. */
  private static List<String> split(String csv, int maxRecordChars) throws IOException {
    CsvRecordSplitter splitter = new CsvRecordSplitter(new StringReader(csv), ',', maxRecordChars);
    List<String> records = new ArrayList<>();
    for (RawCsvRecord record = splitter.next(); record != null; record = splitter.next()) {
      records.add(record.lineNumber() + "|" + record.ending() + "|"
          + record.text().replace("\r", "\\r").replace("\n", "\\n"));
    }
    return records;
  }

  private static List<String> split(String csv) throws IOException {
    return split(csv, 1000);
  }

  @Test
  public void quotedLineBreaksStayInTheRecordAndCountAsLines() throws IOException {
    assertThat(split("id,note\n1,\"a\nb\"\n2,c\n"),
        contains("1|COMPLETE|id,note", "2|COMPLETE|1,\"a\\nb\"", "4|COMPLETE|2,c"));
  }

  @Test
  public void crlfLfAndLoneCrAllEndRecords() throws IOException {
    assertThat(split("a\r\nb\nc\rd\r\n\"e\r\nf\""),
        contains("1|COMPLETE|a", "2|COMPLETE|b", "3|COMPLETE|c", "4|COMPLETE|d", "5|COMPLETE|\"e\\r\\nf\""));
  }

  @Test
  public void emptyLinesAreSkippedButCounted() throws IOException {
    assertThat(split("\n\nid\r\n\r\n\n1\n\n"), contains("3|COMPLETE|id", "6|COMPLETE|1"));
  }

  @Test
  public void byteOrderMarkIsDroppedOnlyAtTheStart() throws IOException {
    assertThat(split("\uFEFFid\n\uFEFF1\n"), contains("1|COMPLETE|id", "2|COMPLETE|\uFEFF1"));
  }

  @Test
  public void quoteInsideAnUnquotedFieldIsData() throws IOException {
    assertThat(split("5\" tall,x\n2,y\n"), contains("1|COMPLETE|5\" tall,x", "2|COMPLETE|2,y"));
  }

  @Test
  public void doubledQuotesDoNotCloseTheField() throws IOException {
    assertThat(split("\"say \"\"hi\n\"\"\",x\n2\n"),
        contains("1|COMPLETE|\"say \"\"hi\\n\"\"\",x", "3|COMPLETE|2"));
  }

  @Test
  public void recordOfExactlyTheLimitIsComplete() throws IOException {
    assertThat(split("abcde\nabcdef\n", 5), contains("1|COMPLETE|abcde", "2|TOO_LARGE|abcde"));
  }

  @Test
  public void tooLargeRecordResynchronisesAtTheNextLineBreakEvenInsideQuotes() throws IOException {
    assertThat(split("\"abcdefgh\nij\",k\n1\n", 5),
        contains("1|TOO_LARGE|\"abcd", "2|COMPLETE|ij\",k", "3|COMPLETE|1"));
  }

  @Test
  public void fileEndingInsideQuotesIsUnterminated() throws IOException {
    assertThat(split("id\n\"open\nstill open\n"),
        contains("1|COMPLETE|id", "2|UNTERMINATED_QUOTE|\"open\\nstill open\\n"));
  }

  @Test
  public void lastRecordWithoutLineBreakIsComplete() throws IOException {
    assertThat(split("id\n1"), contains("1|COMPLETE|id", "2|COMPLETE|1"));
  }

  @Test
  public void manyRecordsAcrossBufferBoundariesComeOutAsWritten() throws IOException {
    // Records of every kind, long enough together to cross the reader's buffer hundreds of times, so that
    // runs of plain characters stop at buffer ends, line breaks and quotes in every position.
    java.util.Random random = new java.util.Random(42);
    StringBuilder csv = new StringBuilder();
    List<String> expected = new ArrayList<>();
    long line = 1;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder record = new StringBuilder();
      int breaks = 0;
      for (int field = 0; field < 1 + random.nextInt(6); field++) {
        if (field > 0) {
          record.append(',');
        }
        switch (random.nextInt(4)) {
          case 0 -> record.append("plain").append(random.nextInt(1_000_000));
          case 1 -> record.append("\"q,").append(random.nextInt(100)).append("\"\"x\"");
          case 2 -> {
            record.append("\"multi\nline\"");
            breaks++;
          }
          default -> record.append("in\"side").append("y".repeat(random.nextInt(300)));
        }
      }
      String ending = random.nextBoolean() ? "\n" : "\r\n";
      csv.append(record).append(ending);
      expected.add(line + "|COMPLETE|" + record.toString().replace("\n", "\\n"));
      line += 1 + breaks;
    }
    assertThat(split(csv.toString(), 10_000), org.hamcrest.Matchers.equalTo(expected));
  }
}
