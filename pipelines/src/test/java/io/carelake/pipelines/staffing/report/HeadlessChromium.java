package io.carelake.pipelines.staffing.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A headless Chromium on a throw-away profile, driven over the DevTools protocol. Closing it kills the
 * browser and every process it started.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
  private static final Duration START = Duration.ofSeconds(20);

  private final Process process;
  private final int port;

  private HeadlessChromium(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The first of chromium, chromium-browser or google-chrome on the PATH. */
  static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    return NAMES.stream()
        .flatMap(name -> Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir, name)))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * Starts the browser on {@code profile} with a debugging port it picks itself (no port clash with a
   * parallel build), and waits until it has written that port down.
   */
  static HeadlessChromium start(Path binary, Path profile) throws IOException, InterruptedException {
    Files.createDirectories(profile);
    Path portFile = profile.resolve("DevToolsActivePort");
    Process process = new ProcessBuilder(binary.toString(),
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        // The machine has no network: without these the browser spends its start retrying Google's hosts.
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1366,900", "about:blank")
        .redirectErrorStream(true)
        .redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile())
        .start();
    HeadlessChromium chromium = null;
    try {
      long deadline = System.nanoTime() + START.toNanos();
      while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IOException("chromium did not open its debugging port; see " + profile + ".log");
        }
        Thread.sleep(50);
      }
      chromium = new HeadlessChromium(process, Integer.parseInt(Files.readAllLines(portFile).get(0).trim()));
      return chromium;
    } finally {
      if (chromium == null) {
        kill(process);
      }
    }
  }

  /** A DevTools session on the tab the browser opened at start. */
  DevToolsSession openPage() throws IOException, InterruptedException {
    HttpResponse<String> targets = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(START).build(),
        HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : new ObjectMapper().readTree(targets.body())) {
      if (target.path("type").asText().equals("page")) {
        return DevToolsSession.connect(URI.create(target.path("webSocketDebuggerUrl").asText()));
      }
    }
    throw new IOException("chromium has no page to drive: " + targets.body());
  }

  @Override
  public void close() {
    kill(process);
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
