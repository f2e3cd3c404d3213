package io.carelake.transforms.extract.api;

import io.carelake.transforms.extract.api.ReplayServer.Reply;
import io.carelake.transforms.extract.api.ReplayServer.Served;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A clinical tables search ({@code [total, codes, extra, display]}) over a list of codes: {@code terms}
 * matches a code prefix, {@code count} and {@code offset} page, and a page past {@code maxReachable}
 * is refused as the service refuses it. {@code ef} fields come back as per-code arrays.
 */
final class FakeClinicalTables {
  record Code(String code, String name) {}

  private final List<Code> codes;
  private final int maxReachable;

  FakeClinicalTables(List<Code> codes, int maxReachable) {
    this.codes = codes;
    this.maxReachable = maxReachable;
  }

  Reply answer(Served request) {
    Map<String, String> query = request.query();
    String terms = query.getOrDefault("terms", "").toUpperCase();
    int count = Integer.parseInt(query.getOrDefault("count", "7"));
    int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
    if (offset + count > maxReachable) {
      return Reply.status(400);
    }
    List<Code> matching = codes.stream().filter(c -> c.code().startsWith(terms)).collect(Collectors.toList());
    List<Code> page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + count, matching.size()));
    String codeList = page.stream().map(c -> quote(c.code())).collect(Collectors.joining(",", "[", "]"));
    String display = page.stream().map(c -> "[" + quote(c.code()) + "," + quote(c.name()) + "]")
        .collect(Collectors.joining(",", "[", "]"));
    String extra = "null";
    if (query.containsKey("ef")) {
      extra = List.of(query.get("ef").split(",")).stream()
          .map(field -> quote(field) + ":" + page.stream().map(c -> extraValue(field, c)).collect(Collectors.joining(",", "[", "]")))
          .collect(Collectors.joining(",", "{", "}"));
    }
    return Reply.json("[" + matching.size() + "," + codeList + "," + extra + "," + display + "]");
  }

  private static String extraValue(String field, Code code) {
    switch (field) {
      case "obsolete":
      case "is_noc":
        return "false";
      case "term_dt":
        return "null";
      case "add_dt":
      case "act_eff_dt":
        return "\"20200101\"";
      default:
        return quote(code.name());
    }
  }

  private static String quote(String text) {
    return "\"" + text.replace("\"", "\\\"") + "\"";
  }
}
