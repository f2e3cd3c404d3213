package io.carelake.transforms.secrets;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32C;

/**
 * A Secret Manager stand-in on loopback: a real HTTP server answering {@code GET /v1/{name}:access} with
 * responses in the format Google returns (recorded from the v1 API), so that tests exercise the real
 * HTTP client, headers and JSON. Versions not served get Google's 404 body.
 */
public final class LocalSecretManager implements AutoCloseable {
  /** The bearer token of the credentials {@link #reference} uses. */
  public static final String TOKEN = "ya29.local-test-token";

  /** What a request carried. */
  public record Request(String method, String path, String authorization) {}

  private record Response(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Response> responses = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private LocalSecretManager(HttpServer server) {
    this.server = server;
  }

  public static LocalSecretManager start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    LocalSecretManager manager = new LocalSecretManager(server);
    server.createContext("/", manager::handle);
    server.start();
    return manager;
  }

  /** Serves {@code data} as version {@code name} ({@code projects/p/secrets/s/versions/v}), with its CRC32C. */
  public void serveSecret(String name, byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    serveSecret(name, data, Long.toString(crc.getValue()));
  }

  /** Serves {@code data} with the given {@code dataCrc32c} field, or none when it is null. */
  public void serveSecret(String name, byte[] data, String crc32c) {
    String crcField = crc32c == null ? "" : ",\n    \"dataCrc32c\": \"" + crc32c + "\"";
    // Google answers with the project number and the resolved version, whatever the request named.
    String resolved = name.replaceFirst("^projects/[^/]+/", "projects/123456789012/").replaceFirst("/latest$", "/3");
    serve(name, 200, "{\n  \"name\": \"" + resolved + "\",\n  \"payload\": {\n    \"data\": \""
        + Base64.getEncoder().encodeToString(data) + "\"" + crcField + "\n  }\n}\n");
  }

  /** Answers requests for version {@code name} with {@code status} and {@code body} as they are. */
  public void serve(String name, int status, String body) {
    responses.put(name, new Response(status, body));
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** {@code reference} (a {@code gcpsecret:} one) read from this server with a fixed bearer token. */
  public SecretReference reference(String what, String reference) {
    return SecretReference.parse(what, reference).withSecretManager(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
        GoogleCredentials.create(new AccessToken(TOKEN, new Date(System.currentTimeMillis() + 3_600_000L))));
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    requests.add(new Request(exchange.getRequestMethod(), path,
        String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
    String name = path.replaceFirst("^/v1/", "").replaceFirst(":access$", "");
    Response response = responses.getOrDefault(name, new Response(404, "{\n  \"error\": {\n    \"code\": 404,\n"
        + "    \"message\": \"Secret Version [" + name + "] not found.\",\n    \"status\": \"NOT_FOUND\"\n  }\n}\n"));
    byte[] body = response.body().getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
