package io.carelake.transforms.extract.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A local HTTP server on an ephemeral port that answers each request with what a script says. */
final class ReplayServer implements AutoCloseable {
  /** What the server answers. */
  record Reply(int status, String body, Map<String, String> headers) {
    static Reply json(String body) {
      return new Reply(200, body, Map.of("Content-Type", "application/json"));
    }

    static Reply status(int status) {
      return new Reply(status, "", Map.of());
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, body, more);
    }
  }

  /** A request as received, with the body it was answered with. */
  record Served(String path, Map<String, String> query, String userAgent, long receivedNanos, Reply reply) {}

  static {
    // Headers and body go out in two writes; with Nagle on, each small answer waits for a delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Served> served = Collections.synchronizedList(new ArrayList<>());

  private ReplayServer(Function<Served, Reply> script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> answer(exchange, script));
    server.setExecutor(executor);
    server.start();
  }

  /** The script gets the request (its reply still null) and returns the reply. */
  static ReplayServer start(Function<Served, Reply> script) throws IOException {
    return new ReplayServer(script);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Served> served() {
    synchronized (served) {
      return List.copyOf(served);
    }
  }

  private void answer(HttpExchange exchange, Function<Served, Reply> script) throws IOException {
    Served request = new Served(exchange.getRequestURI().getPath(), query(exchange.getRequestURI().getRawQuery()),
        exchange.getRequestHeaders().getFirst("User-Agent"), System.nanoTime(), null);
    Reply reply;
    try {
      reply = script.apply(request);
    } catch (RuntimeException e) {
      reply = new Reply(500, "script failed", Map.of());
    }
    served.add(new Served(request.path(), request.query(), request.userAgent(), request.receivedNanos(), reply));
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    try (OutputStream out = exchange.getResponseBody()) {
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        out.write(body);
      }
    } catch (IOException clientGone) {
      // A client that timed out has closed the connection; nothing to answer.
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      String[] nameValue = pair.split("=", 2);
      parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
          nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
    }
    return parameters;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
