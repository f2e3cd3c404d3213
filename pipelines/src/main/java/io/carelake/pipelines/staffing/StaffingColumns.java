package io.carelake.pipelines.staffing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.carelake.pipelines.members.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Which header names the CMS files have used for each column the pipeline reads: configuration, not code
 * ({@code columns.yaml} beside this class, or a file of the same shape given with {@code --columnsConfig}).
 * Older PBJ quarters have lower-case headers and spellings such as {@code hrs_lpn_admin}; older Provider
 * Info files call the CCN "Federal Provider Number".
 */
public final class StaffingColumns implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String DEFAULT = "columns.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Map<String, Dataset> datasets;

  private StaffingColumns(Map<String, Dataset> datasets) {
    this.datasets = datasets;
  }

  /** The shipped header names. */
  public static StaffingColumns shipped() {
    try (InputStream in = StaffingColumns.class.getResourceAsStream(DEFAULT)) {
      return parse(DEFAULT, in);
    } catch (IOException e) {
      throw new IllegalStateException("the shipped " + DEFAULT + " cannot be read", e);
    }
  }

  /** Header names from a YAML file on any Beam filesystem; empty: the shipped ones. */
  public static StaffingColumns load(String location) {
    if (location == null || location.isBlank()) {
      return shipped();
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(location, false)))) {
      return parse(location, in);
    } catch (IOException e) {
      throw new ConfigException("--columnsConfig: " + location + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static StaffingColumns parse(String name, InputStream in) throws IOException {
    Map<String, DatasetConfig> parsed;
    try {
      parsed = YAML.readValue(in, YAML.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
          DatasetConfig.class));
    } catch (JsonProcessingException e) {
      throw new ConfigException(name + ": " + e.getOriginalMessage(), e);
    }
    Map<String, Dataset> datasets = new LinkedHashMap<>();
    for (String dataset : StaffingDatasets.ALL) {
      DatasetConfig config = parsed == null ? null : parsed.get(dataset);
      if (config == null || config.columns == null) {
        throw new ConfigException(name + ": " + dataset + ": no columns configured");
      }
      datasets.put(dataset, Dataset.check(name + ": " + dataset, config, StaffingDatasets.schemaOf(dataset)));
    }
    return new StaffingColumns(datasets);
  }

  /** Where each column of {@code dataset} is in a file with {@code header}. */
  public Positions positionsIn(String dataset, List<String> header) {
    Dataset config = datasets.get(dataset);
    Map<String, Integer> byName = new HashMap<>();
    for (int i = header.size() - 1; i >= 0; i--) {
      byName.put(normalised(header.get(i)), i);
    }
    Map<String, Integer> positions = new HashMap<>();
    List<String> missing = new ArrayList<>();
    config.headerNames.forEach((column, names) -> {
      Integer position = null;
      for (String name : names) {
        position = byName.get(name);
        if (position != null) {
          break;
        }
      }
      if (position != null) {
        positions.put(column, position);
      } else if (config.required.contains(column)) {
        missing.add(column + " (" + String.join(" / ", names) + ")");
      }
    });
    return new Positions(positions, missing);
  }

  private static String normalised(String headerName) {
    return headerName.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * @param positions column name to its index in a record's values
   * @param missingRequired the required columns the header lacks, with the names looked for
   */
  public record Positions(Map<String, Integer> positions, List<String> missingRequired) {
    /** The column's value in {@code values}; null when the file has no such column. */
    String valueOf(String column, List<String> values) {
      Integer position = positions.get(column);
      return position == null ? null : values.get(position);
    }
  }

  private static final class DatasetConfig {
    @JsonProperty("required")
    List<String> required;

    @JsonProperty("columns")
    Map<String, List<String>> columns;
  }

  private static final class Dataset implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, List<String>> headerNames;
    private final List<String> required;

    private Dataset(Map<String, List<String>> headerNames, List<String> required) {
      this.headerNames = headerNames;
      this.required = required;
    }

    static Dataset check(String where, DatasetConfig config, Schema schema) {
      Map<String, List<String>> names = new LinkedHashMap<>();
      config.columns.forEach((column, headers) -> {
        if (!schema.hasField(column)) {
          throw new ConfigException(where + ": columns." + column + ": not a column of the table");
        }
        if (headers == null || headers.isEmpty()) {
          throw new ConfigException(where + ": columns." + column + ": no header names");
        }
        List<String> normalised = new ArrayList<>();
        headers.forEach(header -> normalised.add(normalised(header)));
        names.put(column, List.copyOf(normalised));
      });
      List<String> required = config.required == null ? List.of() : List.copyOf(config.required);
      for (String column : required) {
        if (!names.containsKey(column)) {
          throw new ConfigException(where + ": required: " + column + " has no header names under columns");
        }
      }
      return new Dataset(Map.copyOf(names), required);
    }
  }
}
