package io.carelake.runners.dataflow;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carelake.pipelines.PipelineCatalog;
import io.carelake.pipelines.TemplateMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The flex templates in {@code templates/} match the catalogue: one folder per pipeline, its metadata
 * exactly what the pipeline's options interface implies, its Dockerfile naming the pipeline's main class.
 */
@RunWith(JUnit4.class)
public class FlexTemplatesTest {
  /** Surefire runs in the module's folder, runners/dataflow. */
  private static final Path TEMPLATES = Path.of("../../templates").toAbsolutePath().normalize();

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  public void everyTemplateFolderIsACataloguedPipeline() throws IOException {
    Set<String> folders;
    try (Stream<Path> paths = Files.list(TEMPLATES)) {
      folders = paths.filter(Files::isDirectory).map(path -> path.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(folders, equalTo(PipelineCatalog.all().stream().map(PipelineCatalog.Entry::name)
        .collect(Collectors.toCollection(TreeSet::new))));
  }

  @Test
  public void metadataMatchesTheOptionsInterface() throws IOException {
    for (PipelineCatalog.Entry pipeline : PipelineCatalog.all()) {
      Path file = TEMPLATES.resolve(pipeline.name()).resolve("metadata.json");
      String regenerate = String.format("%nRegenerate it, from the repository root:%n"
          + "  mvn -B -q -pl runners/dataflow -am package -DskipTests%n"
          + "  java -jar runners/dataflow/target/carelake-dataflow.jar template-metadata %s > templates/%s/metadata.json",
          pipeline.name(), pipeline.name());
      assertThat("templates/" + pipeline.name() + "/metadata.json is missing." + regenerate, Files.exists(file));
      JsonNode expected = TemplateMetadata.of(pipeline);
      JsonNode actual = JSON.readTree(file.toFile());
      List<String> differences = differences(expected, actual);
      if (!differences.isEmpty() || !actual.equals(expected)) {
        fail("templates/" + pipeline.name() + "/metadata.json does not match " + pipeline.options().getSimpleName()
            + (differences.isEmpty() ? ": the parameters are in another order" : ":\n  " + String.join("\n  ", differences))
            + regenerate);
      }
    }
  }

  @Test
  public void dockerfileRunsThePipelinesMainClassFromTheDataflowJar() throws IOException {
    for (PipelineCatalog.Entry pipeline : PipelineCatalog.all()) {
      String dockerfile = Files.readString(TEMPLATES.resolve(pipeline.name()).resolve("Dockerfile"));
      assertThat(dockerfile, containsString("FROM gcr.io/dataflow-templates-base/java17-template-launcher-base"));
      assertThat(dockerfile, containsString("ENV FLEX_TEMPLATE_JAVA_MAIN_CLASS=" + pipeline.mainClass().getName() + "\n"));
      assertThat(dockerfile, containsString("ENV FLEX_TEMPLATE_JAVA_CLASSPATH=/template/carelake-dataflow.jar\n"));
      assertThat(dockerfile, containsString("COPY carelake-dataflow.jar /template/carelake-dataflow.jar\n"));
    }
  }

  /** Field by field, parameter by parameter, what the file says against what the options say. */
  static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> differences = new ArrayList<>();
    for (String field : List.of("name", "description")) {
      if (!expected.path(field).equals(actual.path(field))) {
        differences.add(field + " is " + shown(actual.path(field)) + ", should be " + shown(expected.path(field)));
      }
    }
    Map<String, JsonNode> want = byName(expected.path("parameters"));
    Map<String, JsonNode> have = byName(actual.path("parameters"));
    for (Map.Entry<String, JsonNode> parameter : want.entrySet()) {
      JsonNode found = have.get(parameter.getKey());
      if (found == null) {
        differences.add("parameter " + parameter.getKey() + " is missing");
        continue;
      }
      Set<String> fields = new TreeSet<>();
      parameter.getValue().fieldNames().forEachRemaining(fields::add);
      found.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        if (!parameter.getValue().path(field).equals(found.path(field))) {
          differences.add("parameter " + parameter.getKey() + ": " + field + " is " + shown(found.path(field))
              + ", should be " + shown(parameter.getValue().path(field)));
        }
      }
    }
    have.keySet().stream().filter(name -> !want.containsKey(name))
        .forEach(name -> differences.add("parameter " + name + " is not an option of the pipeline"));
    return differences;
  }

  private static String shown(JsonNode value) {
    return value.isMissingNode() ? "absent" : value.toString();
  }

  private static Map<String, JsonNode> byName(JsonNode parameters) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    parameters.forEach(parameter -> byName.put(parameter.path("name").asText(), parameter));
    return byName;
  }
}
