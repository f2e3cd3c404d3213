package io.carelake.pipelines.reference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carelake.schemas.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One line of an API landing file, {@code {"request": {...}, "response": <body as received>}}, read into its
 * records: the results of an NPI Registry page, each with its JSON text exactly as delivered (cut from the
 * line, so that its hash is the hash of the delivered bytes), or the codes of a Clinical Tables page. A line
 * that is not such JSON, or whose body is the NPI Registry's {@code Errors} answer (sent with HTTP 200), has
 * no records but a problem, whose reason never quotes the line.
 */
final class ApiResponseLine {
  static final String MALFORMED = "response.malformed";
  static final String ERRORS = "response.errors";
  /** Results a page may hold: a record's line number is the line times 1,000 plus its index. */
  static final int MAX_RECORDS = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.]{1,40}");

  /** A record of the line: its JSON tree and its text. */
  record Element(JsonNode node, String json) {}

  /** The line's records, or (with none) why it has none that can be read. */
  record Parsed(List<Element> elements, @Nullable Violation problem) {
    static Parsed problem(String ruleId, String reason) {
      return new Parsed(List.of(), Violation.of(ruleId, "response", reason));
    }
  }

  private ApiResponseLine() {}

  static Parsed parse(String line, ApiSource source) {
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return malformed("the line is not a JSON object");
      }
      Parsed parsed = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if ("response".equals(field) && parsed == null) {
          parsed = source.isCodeSystem() ? clinicalTables(parser) : nppes(parser, line);
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        return malformed("the line holds more than one JSON value");
      }
      if (parsed == null) {
        return malformed("the line has no response");
      }
      if (parsed.elements().size() > MAX_RECORDS) {
        return malformed("the response holds more than " + MAX_RECORDS + " records");
      }
      return parsed;
    } catch (IOException e) {
      // Jackson's message quotes the text it choked on: the reason says only what the line is not.
      return malformed("the line is not valid JSON");
    }
  }

  private static Parsed nppes(JsonParser parser, String line) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return malformed("the NPI Registry response is not a JSON object");
    }
    List<Element> results = null;
    String errors = null;
    boolean shapeBroken = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("results".equals(field) && value == JsonToken.START_ARRAY) {
        results = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (parser.currentToken() != JsonToken.START_OBJECT) {
            shapeBroken = true;
            parser.skipChildren();
            continue;
          }
          int start = (int) parser.getTokenLocation().getCharOffset();
          JsonNode result = parser.readValueAsTree();
          int end = (int) parser.getTokenLocation().getCharOffset() + 1;
          results.add(new Element(result, line.substring(start, end)));
        }
      } else if ("Errors".equals(field)) {
        JsonNode list = parser.readValueAsTree();
        errors = errorCodes(list == null ? MissingNode.getInstance() : list);
      } else {
        parser.skipChildren();
      }
    }
    if (errors != null) {
      return Parsed.problem(ERRORS, "the NPI Registry answered with errors " + errors);
    }
    if (results == null || shapeBroken) {
      return malformed("the NPI Registry response has no results array of objects");
    }
    return new Parsed(results, null);
  }

  /** The field and number of each error: the descriptions may repeat the query, which can name a person. */
  private static String errorCodes(JsonNode errors) {
    StringJoiner codes = new StringJoiner(", ", "[", "]");
    for (JsonNode error : errors) {
      codes.add(code(error.path("field")) + " " + code(error.path("number")));
    }
    return codes.toString();
  }

  private static String code(JsonNode value) {
    String text = value.isValueNode() ? value.asText() : "";
    return CODE.matcher(text).matches() ? text : "?";
  }

  private static Parsed clinicalTables(JsonParser parser) throws IOException {
    JsonNode response = parser.readValueAsTree();
    try {
      List<Element> codes = new ArrayList<>();
      for (ObjectNode code : ClinicalTablesPages.codes(response)) {
        codes.add(new Element(code, JSON.writeValueAsString(code)));
      }
      return new Parsed(codes, null);
    } catch (ClinicalTablesPages.MalformedPage e) {
      return malformed(e.getMessage());
    }
  }

  private static Parsed malformed(String reason) {
    return Parsed.problem(MALFORMED, reason);
  }
}
