package io.carelake.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.StreamingOptions;
import org.apache.beam.sdk.options.Validation;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Template parameters derived from an options interface; the real files are checked in runners/dataflow. */
@RunWith(JUnit4.class)
public class TemplateMetadataTest {
  enum Cadence { DAILY, WEEKLY }

  /** A CareLake interface shared by pipelines: its options are parameters too. */
  public interface SharedOptions extends PipelineOptions {
    @Description("Root of the lake.")
    @Validation.Required
    String getLake();

    void setLake(String value);
  }

  /** Extends a Beam interface, whose options (streaming) are not template parameters. */
  public interface SomeOptions extends SharedOptions, StreamingOptions {
    @Description("Payer files folder.")
    @Validation.Required
    String getPayerDir();

    void setPayerDir(String value);

    @Description("Rows per file.")
    @Default.Integer(1000)
    int getMaxRows();

    void setMaxRows(int value);

    @Description("How often.")
    @Default.Enum("DAILY")
    Cadence getCadence();

    void setCadence(Cadence value);

    @Description("Refresh everything.")
    @Default.Boolean(false)
    boolean isFullRefresh();

    void setFullRefresh(boolean value);

    @Description("Wait for the end.")
    @Default.Boolean(true)
    boolean getWaitUntilFinish();

    void setWaitUntilFinish(boolean value);

    @Description("Internal.")
    @Hidden
    @Default.String("")
    String getInternalKnob();

    void setInternalKnob(String value);
  }

  /** An option without a description cannot become a parameter with help text. */
  public interface UndocumentedOptions extends PipelineOptions {
    @Default.String("")
    String getMystery();

    void setMystery(String value);
  }

  private static Map<String, ObjectNode> byName(List<ObjectNode> parameters) {
    return parameters.stream().collect(Collectors.toMap(p -> p.get("name").asText(), Function.identity()));
  }

  @Test
  public void ownOptionsBecomeParametersRequiredFirst() {
    List<ObjectNode> parameters = TemplateMetadata.parameters(SomeOptions.class);
    assertThat(parameters.stream().map(p -> p.get("name").asText()).collect(Collectors.toList()),
        contains("lake", "payerDir", "cadence", "fullRefresh", "maxRows"));
  }

  @Test
  public void descriptionRequiredAndTypeGiveHelpOptionalAndRegexes() {
    Map<String, ObjectNode> parameters = byName(TemplateMetadata.parameters(SomeOptions.class));
    JsonNode payerDir = parameters.get("payerDir");
    assertThat(payerDir.get("label").asText(), equalTo("Payer dir"));
    assertThat(payerDir.get("helpText").asText(), equalTo("Payer files folder."));
    assertThat(payerDir.get("isOptional").asBoolean(), is(false));
    assertThat(payerDir.has("regexes"), is(false));
    assertThat(parameters.get("maxRows").get("isOptional").asBoolean(), is(true));
    assertThat(parameters.get("maxRows").get("regexes").get(0).asText(), equalTo("^-?[0-9]+$"));
    assertThat(parameters.get("fullRefresh").get("regexes").get(0).asText(), equalTo("^(true|false)$"));
    assertThat(parameters.get("cadence").get("regexes").get(0).asText(), equalTo("^(DAILY|WEEKLY)$"));
  }

  @Test(expected = IllegalStateException.class)
  public void anOptionWithoutDescriptionIsRefused() {
    TemplateMetadata.parameters(UndocumentedOptions.class);
  }

  @Test
  public void labelsAreWords() {
    assertThat(TemplateMetadata.label("clientConfigDir"), equalTo("Client config dir"));
    assertThat(TemplateMetadata.label("lake"), equalTo("Lake"));
  }
}
