package io.carelake.pipelines.staffing.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carelake.pipelines.staffing.report.ReportRowsFixture.Tables;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The report opened from disk in a real headless Chromium, as an analyst would open it: it runs without
 * errors, every chart is laid out with its marks, a header click sorts a table, and it looks like a page
 * (a screenshot is kept in target/ to look at). Skips where no Chromium is installed; CI installs one.
 */
@RunWith(JUnit4.class)
public class StaffingReportBrowserTest {
  private static final int WIDTH = 1366;
  private static final int HEIGHT = 900;
  private static final List<String> CHARTS = List.of(HprdBoxPlot.ID, StaffingMixChart.ID, UtilizationScatter.ID,
      TopBottomFacilities.ID);
  private static final Path SCREENSHOT =
      Path.of(System.getProperty("basedir", "."), "target", "staffing-report-screenshot.png");

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void reportOpensFromDiskWithEveryChartDrawnAndSortableTables() throws Exception {
    Optional<Path> binary = HeadlessChromium.find();
    assumeTrue("no chromium, chromium-browser or google-chrome on the PATH", binary.isPresent());
    Tables tables = ReportRowsFixture.generated(50, 2_000, List.of("2024Q3", "2024Q4", "2025Q1"), 42);
    Path report = StaffingReport.write(temp.getRoot().toPath().resolve("report/staffing.html"),
        "Nursing-home staffing: St. Mary's & O'Connor <pilot>", tables.hprdByState(), tables.hprdByFacility(),
        tables.staffingMix(), tables.staffingVsOccupancy());

    try (HeadlessChromium chromium = HeadlessChromium.start(binary.get(), temp.getRoot().toPath().resolve("profile"));
        DevToolsSession page = chromium.openPage()) {
      page.call("Runtime.enable");
      page.call("Log.enable");
      page.call("Page.enable");
      page.call("Emulation.setDeviceMetricsOverride", page.params().put("width", WIDTH).put("height", HEIGHT)
          .put("deviceScaleFactor", 1).put("mobile", false));
      JsonNode navigation = page.call("Page.navigate", page.params().put("url", report.toUri().toString()));
      assertThat("navigation error", navigation.path("errorText").asText(), is(""));
      page.awaitEvent("Page.loadEventFired", Duration.ofSeconds(15));

      assertEveryChartIsLaidOutWithMarks(page);
      assertClickingAHeaderSortsTheTable(page);
      assertThat("errors in the page", errors(page), is(List.of()));
      assertScreenshotLooksLikeAPage(page);
    }
  }

  private static void assertEveryChartIsLaidOutWithMarks(DevToolsSession page) throws IOException {
    JsonNode charts = page.evaluate("""
        Array.from(document.querySelectorAll('[data-chart]'), (chart) => {
          const box = chart.getBoundingClientRect();
          const svg = chart.querySelector('svg');
          const drawn = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
          return {id: chart.dataset.chart, width: box.width, height: box.height,
            svgWidth: drawn.width, svgHeight: drawn.height, marks: chart.querySelectorAll('svg title').length};
        })""");
    List<String> ids = new ArrayList<>();
    for (JsonNode chart : charts) {
      String id = chart.path("id").asText();
      ids.add(id);
      assertThat(id + " width", chart.path("width").asDouble(), greaterThan(300.0));
      assertThat(id + " height", chart.path("height").asDouble(), greaterThan(200.0));
      assertThat(id + " svg width", chart.path("svgWidth").asDouble(), greaterThan(300.0));
      assertThat(id + " svg height", chart.path("svgHeight").asDouble(), greaterThan(150.0));
      assertThat(id + " marks", chart.path("marks").asInt(), greaterThanOrEqualTo(20));
    }
    assertThat(ids, is(CHARTS));
  }

  /** A real mouse click on the state table's "Total HPRD" header, twice: ascending, then descending. */
  private static void assertClickingAHeaderSortsTheTable(DevToolsSession page) throws IOException {
    String column = "Array.from(document.querySelectorAll('#state-table tbody tr'),"
        + " (row) => Number(row.cells[4].dataset.value))";
    List<Double> before = numbers(page.evaluate(column));
    List<Double> ascending = new ArrayList<>(before);
    ascending.sort(null);
    assertThat("the table starts in state order", before.equals(ascending), is(false));

    click(page, "#state-table th:nth-child(5)");
    assertThat(numbers(page.evaluate(column)), is(ascending));
    List<Double> descending = new ArrayList<>(ascending);
    Collections.reverse(descending);
    click(page, "#state-table th:nth-child(5)");
    assertThat(numbers(page.evaluate(column)), is(descending));
  }

  private static void click(DevToolsSession page, String selector) throws IOException {
    JsonNode at = page.evaluate("(() => { const element = document.querySelector('" + selector + "');"
        + " element.scrollIntoView({block: 'center'}); const box = element.getBoundingClientRect();"
        + " return {x: box.x + box.width / 2, y: box.y + box.height / 2}; })()");
    for (String type : List.of("mousePressed", "mouseReleased")) {
      page.call("Input.dispatchMouseEvent", page.params().put("type", type).put("button", "left").put("clickCount", 1)
          .put("x", at.path("x").asDouble()).put("y", at.path("y").asDouble()));
    }
  }

  private static List<Double> numbers(JsonNode array) {
    List<Double> numbers = new ArrayList<>();
    array.forEach(number -> numbers.add(number.asDouble()));
    return numbers;
  }

  /** Uncaught exceptions, console.error calls and errors the browser logged (a failed load, say). */
  private static List<String> errors(DevToolsSession page) {
    List<String> errors = new ArrayList<>();
    for (JsonNode event : page.events()) {
      JsonNode params = event.path("params");
      switch (event.path("method").asText()) {
        case "Runtime.exceptionThrown" -> errors.add(params.path("exceptionDetails").toString());
        case "Runtime.consoleAPICalled" -> {
          if (params.path("type").asText().equals("error")) {
            errors.add(params.path("args").toString());
          }
        }
        case "Log.entryAdded" -> {
          if (params.path("entry").path("level").asText().equals("error")) {
            errors.add(params.path("entry").toString());
          }
        }
        default -> { }
      }
    }
    return errors;
  }

  private static void assertScreenshotLooksLikeAPage(DevToolsSession page) throws IOException {
    page.evaluate("window.scrollTo(0, 0)");
    double height = page.call("Page.getLayoutMetrics").path("cssContentSize").path("height").asDouble();
    ObjectNode clip = page.params().put("x", 0).put("y", 0).put("width", WIDTH).put("height", height).put("scale", 1);
    ObjectNode params = page.params().put("format", "png").put("captureBeyondViewport", true);
    params.set("clip", clip);
    byte[] png = Base64.getDecoder().decode(page.call("Page.captureScreenshot", params).path("data").asText());
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, png);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth(), is(WIDTH));
    assertThat(image.getHeight(), greaterThan(HEIGHT));
    assertThat(png.length, greaterThan(50_000));
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat("distinct colours in the screenshot", colours.size(), greaterThan(50));
  }
}
