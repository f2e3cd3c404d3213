package io.carelake.transforms.extract.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Recorded-shape answers under test resources, landed lines read back, and client settings for tests. */
final class Fixtures {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Quick retries and no pacing: the tests' servers are local. */
  static ApiClientSettings fastClient() {
    return ApiClientSettings.defaults()
        .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
        .withMinInterval(Duration.ZERO)
        .withRequestTimeout(Duration.ofSeconds(5));
  }

  /** Each landed line parsed. */
  static List<JsonNode> lines(Path file) {
    try {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        lines.add(MAPPER.readTree(line));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The raw text of each line's {@code response}: what follows {@code ,"response":} up to the closing
   * brace, read from the bytes rather than re-serialised, so that tests can compare it byte for byte.
   */
  static List<String> rawResponses(Path file) {
    try {
      List<String> responses = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int start = line.indexOf(",\"response\":") + ",\"response\":".length();
        responses.add(line.substring(start, line.length() - 1));
      }
      return responses;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
