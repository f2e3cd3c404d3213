package io.carelake.pipelines.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.carelake.pipelines.members.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileSystems;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How the reference pipeline's rule files are found and read: the one given with an option, on any Beam
 * filesystem, or the one shipped beside the class that reads it; YAML with no unknown keys. Errors name the
 * option or the file.
 */
final class RuleFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Reads a rule file's text into rules; {@code name} names the file in errors. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String name, InputStream in) throws IOException;
  }

  private RuleFiles() {}

  /** The rules at {@code location}, or when it is blank the {@code shipped} resource beside {@code owner}. */
  static <T> T load(String option, @Nullable String location, String shipped, Class<?> owner, Parser<T> parser) {
    if (location == null || location.isBlank()) {
      try (InputStream in = owner.getResourceAsStream(shipped)) {
        return parser.parse(shipped, in);
      } catch (IOException e) {
        throw new IllegalStateException("the shipped " + shipped + " cannot be read", e);
      }
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(location, false)))) {
      return parser.parse(location, in);
    } catch (IOException e) {
      throw new ConfigException(option + ": " + location + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The file's YAML as {@code type}; a file that does not have its shape is a configuration error. */
  static <F> F yaml(String name, InputStream in, Class<F> type) {
    try {
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new ConfigException(name + ": " + e.getMessage(), e);
    }
  }
}
