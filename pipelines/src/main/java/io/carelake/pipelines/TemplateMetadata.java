package io.carelake.pipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * The Dataflow flex-template {@code metadata.json} of a catalogued pipeline, derived from its options
 * interface so that the two cannot drift: {@code java -jar carelake-dataflow.jar template-metadata members}.
 *
 * <p>The parameters are the getters of CareLake's own options interfaces (the pipeline's interface and any
 * CareLake interface it extends). Beam's and the runners' options (project, region, workers, experiments,
 * ...) are not parameters: {@code gcloud dataflow flex-template run} sets those with flags of its own.
 */
public final class TemplateMetadata {
  /**
   * Options that are not parameters: a template launch must return once the job is submitted, so it never
   * waits for the job ({@link WaitUnlessLaunchedFromTemplate} sees to the default).
   */
  static final Set<String> NOT_PARAMETERS = Set.of("waitUntilFinish");

  /** One element per line and the same line ends on every system, so the file diffs well. */
  private static final ObjectMapper JSON = new ObjectMapper().setDefaultPrettyPrinter(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")))
      .enable(SerializationFeature.INDENT_OUTPUT);

  private TemplateMetadata() {}

  static void main(String[] args) {
    if (args.length != 1 || PipelineCatalog.named(args[0]).isEmpty()) {
      System.err.println("usage: template-metadata <pipeline>, one of " + PipelineCatalog.all().stream()
          .map(PipelineCatalog.Entry::name).collect(Collectors.joining(", ")));
      System.exit(2);
    }
    System.out.print(json(PipelineCatalog.named(args[0]).get()));
  }

  /** The metadata file's text: what {@code templates/<pipeline>/metadata.json} must hold. */
  private static String json(PipelineCatalog.Entry pipeline) {
    try {
      return JSON.writeValueAsString(of(pipeline)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the metadata of " + pipeline.name(), e);
    }
  }

  public static ObjectNode of(PipelineCatalog.Entry pipeline) {
    ObjectNode metadata = JSON.createObjectNode();
    metadata.put("name", "CareLake " + pipeline.name());
    metadata.put("description", pipeline.description());
    metadata.putArray("parameters").addAll(parameters(pipeline.options()));
    return metadata;
  }

  /** Required parameters first, then optional ones, each in name order, so the file is stable. */
  static List<ObjectNode> parameters(Class<? extends PipelineOptions> options) {
    Map<String, Method> getters = new TreeMap<>();
    for (Method method : options.getMethods()) {
      String name = propertyName(method);
      if (name != null && !method.getDeclaringClass().getName().startsWith("org.apache.beam.")
          && !method.isAnnotationPresent(Hidden.class) && !NOT_PARAMETERS.contains(name)) {
        getters.put(name, method);
      }
    }
    return getters.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Method> getter) -> isOptional(getter.getValue())))
        .map(getter -> parameter(getter.getKey(), getter.getValue()))
        .collect(Collectors.toList());
  }

  private static ObjectNode parameter(String name, Method getter) {
    Description description = getter.getAnnotation(Description.class);
    if (description == null) {
      throw new IllegalStateException(getter.getDeclaringClass().getSimpleName() + "." + getter.getName()
          + " has no @Description: every option needs one, it is the template parameter's help text");
    }
    ObjectNode parameter = JSON.createObjectNode();
    parameter.put("name", name);
    parameter.put("label", label(name));
    parameter.put("helpText", description.value());
    parameter.put("isOptional", isOptional(getter));
    String regex = regex(getter.getReturnType());
    if (regex != null) {
      parameter.putArray("regexes").add(regex);
    }
    return parameter;
  }

  private static boolean isOptional(Method getter) {
    return !getter.isAnnotationPresent(Validation.Required.class);
  }

  /**
   * The form a value of this type must have, checked by the launch before any VM starts; strings are
   * free-form here and checked by the pipeline at start-up.
   */
  private static String regex(Class<?> type) {
    if (type == boolean.class || type == Boolean.class) {
      return "^(true|false)$";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "^-?[0-9]+$";
    }
    if (type.isEnum()) {
      return Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
          .collect(Collectors.joining("|", "^(", ")$"));
    }
    return null;
  }

  /**
   * {@code getClientConfigDir} is the option {@code clientConfigDir}, as for Beam ({@code is} only for
   * booleans); other methods are not options.
   */
  private static String propertyName(Method method) {
    String name = method.getName();
    boolean isBoolean = method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class;
    String prefix = name.startsWith("get") ? "get" : name.startsWith("is") && isBoolean ? "is" : null;
    if (prefix == null || name.length() == prefix.length() || method.getParameterCount() != 0
        || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
      return null;
    }
    String property = name.substring(prefix.length());
    return Character.toLowerCase(property.charAt(0)) + property.substring(1);
  }

  /** {@code clientConfigDir} reads "Client config dir". */
  static String label(String name) {
    String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
