package io.carelake.pipelines.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON record as bronze fields: each value by its path, object keys and array indexes joined by dots
 * ({@code basic.first_name}, {@code addresses.0.city}, {@code taxonomies.1.code}), as text in document order.
 * Nulls and empty containers have no field: bronze maps hold text only.
 */
final class JsonFields {
  private JsonFields() {}

  static Map<String, String> of(JsonNode record) {
    Map<String, String> fields = new LinkedHashMap<>();
    add(fields, "", record);
    return Collections.unmodifiableMap(fields);
  }

  private static void add(Map<String, String> fields, String path, JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> children = node.fields(); children.hasNext(); ) {
        Map.Entry<String, JsonNode> child = children.next();
        add(fields, path.isEmpty() ? child.getKey() : path + "." + child.getKey(), child.getValue());
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        add(fields, path.isEmpty() ? Integer.toString(i) : path + "." + i, node.get(i));
      }
    } else if (!node.isNull() && !node.isMissingNode()) {
      fields.put(path, node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.asText());
    }
  }
}
