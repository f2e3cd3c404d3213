package io.carelake.pipelines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --name=value} arguments of a tool command; those the command does not know are passed on
 * to the pipeline (runner flags, for example).
 */
final class Args {
  private final Map<String, String> known = new LinkedHashMap<>();
  private final List<String> passOn = new ArrayList<>();

  private Args() {}

  static Args parse(String[] args, List<String> names) {
    Args parsed = new Args();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
      if (name != null && names.contains(name)) {
        parsed.known.put(name, arg.substring(eq + 1));
      } else {
        parsed.passOn.add(arg);
      }
    }
    return parsed;
  }

  String get(String name, String fallback) {
    return known.getOrDefault(name, fallback);
  }

  long getLong(String name, long fallback) {
    return known.containsKey(name) ? Long.parseLong(known.get(name).replace("_", "")) : fallback;
  }

  double getDouble(String name, double fallback) {
    return known.containsKey(name) ? Double.parseDouble(known.get(name)) : fallback;
  }

  List<String> passOn() {
    return passOn;
  }
}
