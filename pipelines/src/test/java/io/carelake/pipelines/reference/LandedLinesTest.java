package io.carelake.pipelines.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class LandedLinesTest {
  @Test
  public void linesEndInLfOrCrLfTheLastMayHaveNoEndAndBadBytesAreReplaced() throws IOException {
    byte[] bytes = {'a', '\r', '\n', '\n', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, '\n', 'z'};
    List<String> lines = new ArrayList<>();
    try (LandedLines landed = new LandedLines(new ByteArrayInputStream(bytes))) {
      for (String line = landed.next(); line != null; line = landed.next()) {
        lines.add(line);
      }
    }
    assertThat(lines, contains("a", "", "\u00e9\ufffd", "z"));
  }

  @Test
  public void aLineLongerThanTheBufferIsWhole() throws IOException {
    String longLine = "x".repeat(200_000);
    try (LandedLines landed = new LandedLines(new ByteArrayInputStream((longLine + "\nb\n").getBytes()))) {
      assertThat(List.of(landed.next(), landed.next()), contains(longLine, "b"));
    }
  }
}
