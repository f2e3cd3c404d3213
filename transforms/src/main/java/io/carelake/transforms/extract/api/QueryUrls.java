package io.carelake.transforms.extract.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Query strings: parameters in the order given, values form-encoded ({@code *} stays as it is). */
final class QueryUrls {
  private QueryUrls() {}

  static URI of(String baseUrl, Map<String, String> parameters) {
    String query = parameters.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return URI.create(baseUrl + (baseUrl.contains("?") ? "&" : "?") + query);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
