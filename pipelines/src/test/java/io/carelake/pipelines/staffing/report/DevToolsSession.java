package io.carelake.pipelines.staffing.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One page's Chrome DevTools Protocol session over a WebSocket: commands wait for their answer, events
 * are all kept so a test can look for them after the fact.
 */
final class DevToolsSession implements AutoCloseable, WebSocket.Listener {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ANSWER = Duration.ofSeconds(15);

  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new ArrayList<>();
  private final StringBuilder message = new StringBuilder();
  private WebSocket socket;

  private DevToolsSession() {}

  static DevToolsSession connect(URI url) throws IOException {
    DevToolsSession session = new DevToolsSession();
    try {
      session.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(ANSWER)
          .buildAsync(url, session).get(ANSWER.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IOException("could not open the DevTools WebSocket " + url, e);
    }
    return session;
  }

  ObjectNode params() {
    return JSON.createObjectNode();
  }

  /** Sends a command and returns its result, or fails with the protocol's error. */
  JsonNode call(String method, ObjectNode params) throws IOException {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
    command.set("params", params);
    try {
      synchronized (this) {
        socket.sendText(JSON.writeValueAsString(command), true).get(ANSWER.toSeconds(), TimeUnit.SECONDS);
      }
      JsonNode response = answer.get(ANSWER.toSeconds(), TimeUnit.SECONDS);
      if (response.has("error")) {
        throw new IOException(method + " failed: " + response.get("error"));
      }
      return response.path("result");
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IOException(method + " got no answer", e);
    } finally {
      pending.remove(id);
    }
  }

  JsonNode call(String method) throws IOException {
    return call(method, params());
  }

  /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
  JsonNode evaluate(String expression) throws IOException {
    JsonNode result = call("Runtime.evaluate", params().put("expression", expression).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IOException("script threw: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Waits for the first event of {@code method}, one already received included. */
  JsonNode awaitEvent(String method, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (events) {
      while (true) {
        for (JsonNode event : events) {
          if (event.path("method").asText().equals(method)) {
            return event;
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new IOException("no " + method + " within " + timeout);
        }
        events.wait(left);
      }
    }
  }

  List<JsonNode> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    message.append(data);
    if (last) {
      receive(message.toString());
      message.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  private void receive(String text) {
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (json.has("id")) {
      CompletableFuture<JsonNode> answer = pending.get(json.get("id").asInt());
      if (answer != null) {
        answer.complete(json);
      }
      return;
    }
    synchronized (events) {
      events.add(json);
      events.notifyAll();
    }
  }

  @Override
  public void close() {
    socket.abort();
  }
}
