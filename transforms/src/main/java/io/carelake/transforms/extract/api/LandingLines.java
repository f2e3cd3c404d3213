package io.carelake.transforms.extract.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * One landed line per page:
 * {@code {"request":{"source","url","query":{...},"page","fetched_at","http_status","attempts"},"response":<body>}}.
 * The body is written as the server sent it, except for line breaks: JSON forbids raw line breaks inside
 * strings, so in a body that parsed they are whitespace between tokens, and dropping them keeps the file
 * one response per line without touching any value.
 */
final class LandingLines {
  private static final JsonFactory JSON = new JsonFactory();

  private LandingLines() {}

  static byte[] line(String source, FetchedPage page) throws IOException {
    ApiResponse response = page.response();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(response.body().length() + 512);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeObjectFieldStart("request");
      json.writeStringField("source", source);
      json.writeStringField("url", response.uri().toString());
      json.writeObjectFieldStart("query");
      for (Map.Entry<String, String> parameter : page.query().entrySet()) {
        json.writeStringField(parameter.getKey(), parameter.getValue());
      }
      json.writeEndObject();
      json.writeNumberField("page", page.page());
      json.writeStringField("fetched_at", response.fetchedAt().toString());
      json.writeNumberField("http_status", response.status());
      json.writeNumberField("attempts", response.attempts());
      json.writeEndObject();
      json.writeFieldName("response");
      json.writeRawValue(withoutLineBreaks(response.body()));
      json.writeEndObject();
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  static String withoutLineBreaks(String body) {
    return body.indexOf('\n') < 0 && body.indexOf('\r') < 0 ? body : body.replace("\r", "").replace("\n", "");
  }
}
