package io.carelake.transforms.extract;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses the text of one CSV record into its field values with Jackson's RFC 4180 parser. */
final class CsvFieldParser {
  private final CsvFactory factory = CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
  private final CsvSchema schema;

  CsvFieldParser(char delimiter) {
    // No escape character: RFC 4180 escapes a quote by doubling it, and a backslash is data.
    this.schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"').withoutEscapeChar();
  }

  /** The values in order, empty cells as {@code ""}; empty when the text is not one valid record. */
  Optional<List<String>> parse(String recordText) {
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
