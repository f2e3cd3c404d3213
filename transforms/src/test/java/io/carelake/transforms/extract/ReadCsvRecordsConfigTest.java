package io.carelake.transforms.extract;

import static org.junit.Assert.assertThrows;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ReadCsvRecordsConfigTest {
  private static final ReadCsvRecords READ = ReadCsvRecords.of("members", "run-1");

  @Test
  public void pipelineAndRunIdAreRequired() {
    assertThrows(IllegalArgumentException.class, () -> ReadCsvRecords.of(" ", "run-1"));
    assertThrows(IllegalArgumentException.class, () -> ReadCsvRecords.of("members", ""));
  }

  @Test
  public void delimiterCannotBeAQuoteOrALineBreak() {
    assertThrows(IllegalArgumentException.class, () -> READ.withDelimiter('"'));
    assertThrows(IllegalArgumentException.class, () -> READ.withDelimiter('\n'));
    assertThrows(IllegalArgumentException.class, () -> READ.withDelimiter('\r'));
  }

  @Test
  public void charsetMustBeSupported() {
    assertThrows(IllegalArgumentException.class, () -> READ.withCharset("no-such-charset"));
    assertThrows(IllegalArgumentException.class, () -> READ.withCharset("not a name"));
  }

  @Test
  public void maxRecordCharsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> READ.withMaxRecordChars(0));
  }
}
