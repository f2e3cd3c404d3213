package io.carelake.pipelines;

import io.carelake.pipelines.members.MembersOptions;
import io.carelake.pipelines.members.MembersPipeline;
import io.carelake.pipelines.reference.ReferenceOptions;
import io.carelake.pipelines.reference.ReferencePipeline;
import io.carelake.pipelines.reference.ReferenceSamples;
import io.carelake.pipelines.staffing.StaffingGenerator;
import io.carelake.pipelines.staffing.StaffingOptions;
import io.carelake.pipelines.staffing.StaffingPipeline;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Every CareLake pipeline, in one place. The command line, the Dataflow translation test and the
 * flex-template metadata all read this list, so a new pipeline is one entry here.
 */
public final class PipelineCatalog {
  private static final List<Entry> PIPELINES = List.of(
      new Entry(MembersPipeline.NAME,
          "Client member rosters from the landing zone to the silver members table: validate, standardise, "
              + "tokenise PII, merge (SCD type 1), audit and alert.",
          MembersOptions.class, MembersPipeline.class, SampleLake::membersOnSamples),
      new Entry(StaffingPipeline.NAME,
          "CMS PBJ daily nurse staffing and Nursing Home Provider Info to silver (typed, merged) and a gold star "
              + "schema (facility dimension, daily and quarterly facts, HPRD, staffing mix), with an HTML report.",
          StaffingOptions.class, StaffingPipeline.class, StaffingGenerator::samples),
      new Entry(ReferencePipeline.NAME,
          "NPPES provider files to silver provider history (SCD type 2: versions, late records, deactivations) "
              + "and the gold provider dimension, with ICD-10-CM and HCPCS codes landed from their APIs.",
          ReferenceOptions.class, ReferencePipeline.class, ReferenceSamples::samples));

  private PipelineCatalog() {}

  /**
   * One pipeline.
   *
   * @param name the command that runs it and the name of its template folder
   * @param description one line, shown in the usage and as the template's description
   * @param options its options interface: the template parameters are derived from it
   * @param mainClass the class whose {@code main} parses, validates and runs it (the flex-template main class)
   * @param samples puts the bundled samples in a fresh lake folder and returns the pipeline arguments
   *     that run on them, so that tests can build every pipeline without knowing its options
   */
  public record Entry(String name, String description, Class<? extends PipelineOptions> options,
      Class<?> mainClass, Samples samples) {

    /** Runs the pipeline's {@code main}. */
    public void run(String[] args) throws Exception {
      try {
        mainClass.getMethod("main", String[].class).invoke(null, (Object) args);
      } catch (InvocationTargetException e) {
        // Show the pipeline's own failure (a configuration error, say), not the reflective wrapper.
        if (e.getCause() instanceof Exception cause) {
          throw cause;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }
  }

  /** Writes a pipeline's bundled samples into a lake folder and returns the arguments that run it on them. */
  @FunctionalInterface
  public interface Samples {
    List<String> writeTo(Path lake) throws IOException;
  }

  public static List<Entry> all() {
    return PIPELINES;
  }

  public static Optional<Entry> named(String name) {
    return PIPELINES.stream().filter(entry -> entry.name().equals(name)).findFirst();
  }
}
