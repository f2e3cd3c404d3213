package io.carelake.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.carelake.pipelines.members.MembersOptions;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class WaitUnlessLaunchedFromTemplateTest {
  private static Boolean defaultIn(Map<String, String> environment) {
    return new WaitUnlessLaunchedFromTemplate(environment::get).create(PipelineOptionsFactory.create());
  }

  @Test
  public void aLocalRunWaits() {
    assertThat(defaultIn(Map.of("HOME", "/home/carelake")), is(true));
  }

  @Test
  public void aFlexTemplateLaunchDoesNotWait() {
    assertThat(defaultIn(Map.of("FLEX_TEMPLATE_JAVA_MAIN_CLASS", "io.carelake.pipelines.members.MembersPipeline")),
        is(false));
  }

  @Test
  public void anEmptyLauncherVariableIsNoLauncher() {
    assertThat(defaultIn(Map.of("FLEX_TEMPLATE_JAVA_MAIN_CLASS", " ")), is(true));
  }

  @Test
  public void optionsUseTheFactoryAndAnExplicitValueWins() {
    assertThat(PipelineOptionsFactory.create().as(MembersOptions.class).getWaitUntilFinish(),
        is(System.getenv("FLEX_TEMPLATE_JAVA_MAIN_CLASS") == null));
    assertThat(PipelineOptionsFactory.fromArgs("--waitUntilFinish=false").as(MembersOptions.class)
        .getWaitUntilFinish(), is(false));
  }
}
