package io.carelake.pipelines.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Cuts an NIH Clinical Tables search response, {@code [total, codes, extra, display]}, into one object per
 * code: {@code {"code": ..., "display": [...], <extra field>: <its value for the code>, ...}}. The response
 * gives a code's values in parallel arrays, so this object is the code's record as delivered, in bronze and
 * in quarantine. {@code extra} is null unless extra fields were asked for, and its arrays may hold nulls.
 */
final class ClinicalTablesPages {
  static final String CODE = "code";
  static final String DISPLAY = "display";

  /** A response that is not of the documented shape. */
  static final class MalformedPage extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedPage(String reason) {
      super(reason, null, false, false);
    }
  }

  private ClinicalTablesPages() {}

  static List<ObjectNode> codes(JsonNode response) throws MalformedPage {
    if (!response.isArray() || response.size() < 4) {
      throw new MalformedPage("a Clinical Tables response is an array of total, codes, extra and display");
    }
    JsonNode codes = response.get(1);
    JsonNode extra = response.get(2);
    JsonNode display = response.get(3);
    if (!codes.isArray() && !codes.isNull()) {
      throw new MalformedPage("the codes of a Clinical Tables response are not an array");
    }
    if (!extra.isObject() && !extra.isNull()) {
      throw new MalformedPage("the extra fields of a Clinical Tables response are not an object");
    }
    if (!display.isArray() && !display.isNull()) {
      throw new MalformedPage("the display rows of a Clinical Tables response are not an array");
    }
    List<ObjectNode> records = new ArrayList<>(codes.size());
    for (int i = 0; i < codes.size(); i++) {
      ObjectNode record = JsonNodeFactory.instance.objectNode();
      record.set(CODE, codes.get(i));
      if (display.has(i)) {
        record.set(DISPLAY, display.get(i));
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = extra.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!CODE.equals(field.getKey()) && !DISPLAY.equals(field.getKey()) && field.getValue().has(i)) {
          record.set(field.getKey(), field.getValue().get(i));
        }
      }
      records.add(record);
    }
    return records;
  }
}
