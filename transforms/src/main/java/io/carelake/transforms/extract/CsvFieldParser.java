package io.carelake.transforms.extract;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Parses the text of one CSV record into its field values with Jackson's RFC 4180 parser. A record in the
 * plain form (every field unquoted without quotes, or quoted with doubled quotes inside and the delimiter or
 * the end right after its closing quote, no line break anywhere) is cut by hand, as Jackson would cut it:
 * most records are, and a file of 330 quoted columns spends more in Jackson's tokens than in anything else
 * it does per record. Any other record goes to Jackson, whose answer (values or an error) decides.
 */
final class CsvFieldParser {
  private static final char QUOTE = '"';

  private final CsvFactory factory = CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
  private final CsvSchema schema;
  private final char delimiter;

  CsvFieldParser(char delimiter) {
    this.delimiter = delimiter;
    // No escape character: RFC 4180 escapes a quote by doubling it, and a backslash is data.
    this.schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"').withoutEscapeChar();
  }

  /** The values in order, empty cells as {@code ""}; empty when the text is not one valid record. */
  Optional<List<String>> parse(String recordText) {
    List<String> plain = plainValues(recordText);
    return plain != null ? Optional.of(plain) : parseWithJackson(recordText);
  }

  /** The values of a record in the plain form; null when it is not in that form (Jackson decides then). */
  private @Nullable List<String> plainValues(String text) {
    int length = text.length();
    if (length == 0) {
      return null;
    }
    List<String> values = new ArrayList<>();
    int i = 0;
    while (true) {
      if (i < length && text.charAt(i) == QUOTE) {
        StringBuilder escaped = null;
        int from = i + 1;
        int j = from;
        while (true) {
          int quote = text.indexOf(QUOTE, j);
          if (quote < 0) {
            return null;
          }
          if (quote + 1 < length && text.charAt(quote + 1) == QUOTE) {
            if (escaped == null) {
              escaped = new StringBuilder();
            }
            escaped.append(text, from, quote + 1);
            from = quote + 2;
            j = from;
            continue;
          }
          String value = escaped == null ? text.substring(from, quote)
              : escaped.append(text, from, quote).toString();
          if (hasLineBreak(value)) {
            return null;
          }
          values.add(value);
          i = quote + 1;
          break;
        }
      } else {
        int j = i;
        while (j < length) {
          char c = text.charAt(j);
          if (c == delimiter) {
            break;
          }
          if (c == QUOTE || c == '\n' || c == '\r') {
            return null;
          }
          j++;
        }
        values.add(text.substring(i, j));
        i = j;
      }
      if (i == length) {
        return values;
      }
      if (text.charAt(i) != delimiter) {
        return null;
      }
      i++;
    }
  }

  private static boolean hasLineBreak(String value) {
    return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
  }

  Optional<List<String>> parseWithJackson(String recordText) {
    List<String> values = new ArrayList<>();
    try (CsvParser parser = factory.createParser(recordText)) {
      parser.setSchema(schema);
      // WRAP_AS_ARRAY gives [ [values of the record] ]; a second inner array is a second record.
      if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.START_ARRAY) {
        return Optional.empty();
      }
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        if (token != JsonToken.VALUE_STRING) {
          return Optional.empty();
        }
        values.add(parser.getText());
      }
      return parser.nextToken() == JsonToken.END_ARRAY ? Optional.of(values) : Optional.empty();
    } catch (IOException e) {
      // The source is a string, so an I/O exception here can only be a parse error.
      return Optional.empty();
    }
  }
}
