package io.carelake.pipelines;

import java.util.function.UnaryOperator;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The default of {@code --waitUntilFinish}: a local run waits for its pipeline and prints a summary, a
 * flex-template launch must not (the launcher has to return once the job is submitted). The Java flex-template
 * launcher image runs the pipeline's main with {@value #LAUNCHER_VARIABLE} set (our Dockerfiles set it), so
 * that variable tells the two apart without a template-only option.
 */
public final class WaitUnlessLaunchedFromTemplate implements DefaultValueFactory<Boolean> {
  static final String LAUNCHER_VARIABLE = "FLEX_TEMPLATE_JAVA_MAIN_CLASS";

  private final UnaryOperator<String> environment;

  public WaitUnlessLaunchedFromTemplate() {
    this(System::getenv);
  }

  /** With another environment than the process's, for tests. */
  WaitUnlessLaunchedFromTemplate(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  @Override
  public Boolean create(PipelineOptions options) {
    String mainClass = environment.apply(LAUNCHER_VARIABLE);
    return mainClass == null || mainClass.isBlank();
  }
}
