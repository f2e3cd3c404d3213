package io.carelake.transforms.extract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Random;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The hand cut of plain records gives Jackson's answer, for every record, plain or not. */
@RunWith(JUnit4.class)
public class CsvFieldParserTest {
  private final CsvFieldParser parser = new CsvFieldParser(',');

  @Test
  public void quotedAndUnquotedFieldsKeepTheirText() {
    assertThat(parser.parse("\"1234567893\",\"\",\"O'BRIEN \"\"JR\"\"\",plain, spaced ,").orElseThrow(),
        contains("1234567893", "", "O'BRIEN \"JR\"", "plain", " spaced ", ""));
  }

  @Test
  public void answersAsJacksonDoesOnTrickyRecords() {
    List<String> records = List.of("a", ",", ",,", "\"\"", "\"\",", ",\"\"", "\"a\"b", "a\"b\"", "\"a\" ,b", " \"a\"",
        "\"a\"\"\"", "\"\"\"\"", "\"a", "a\"", "\"a\nb\"", "\"a\r\nb\",c", "a,\"b\"\"c\"\"\",d", " ", "\"\"\"", "x,\"y\"\"\"z\"");
    for (String record : records) {
      assertThat(record, parser.parse(record), is(parser.parseWithJackson(record)));
    }
  }

  @Test
  public void answersAsJacksonDoesOnRandomRecords() {
    Random random = new Random(7);
    char[] alphabet = {'a', 'b', ',', ',', '"', '"', ' ', '\n', '\r', 'é'};
    for (int n = 0; n < 200_000; n++) {
      char[] text = new char[1 + random.nextInt(12)];
      for (int i = 0; i < text.length; i++) {
        text[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String record = new String(text);
      assertThat(record, parser.parse(record), is(parser.parseWithJackson(record)));
    }
  }
}
