package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import java.nio.file.Paths;
import java.util.regex.Pattern;

/**
 * String joining of lake paths. Plain strings rather than {@code ResourceId}s keep path values usable
 * before a filesystem is registered (a {@code gs://} lake is described on a machine without GCS set up)
 * and serializable as they are.
 */
final class LakePaths {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");

  private LakePaths() {}

  /**
   * A root without trailing separator. Local roots become absolute, so that a path means the same
   * folder to the launcher and to workers started elsewhere.
   */
  static String normalizeRoot(String root) {
    checkArgument(root != null && !root.isBlank(), "lake root must not be blank");
    if (SCHEME.matcher(root).matches()) {
      String trimmed = root.replaceAll("/+$", "");
      checkArgument(!trimmed.endsWith(":"), "lake root %s has no bucket or host", root);
      return trimmed;
    }
    return Paths.get(root).toAbsolutePath().normalize().toString();
  }

  static String join(String base, String... segments) {
    StringBuilder path = new StringBuilder(base);
    for (String segment : segments) {
      checkSegment(segment, "path segment");
      if (path.charAt(path.length() - 1) != '/') {
        path.append('/');
      }
      path.append(segment);
    }
    return path.toString();
  }

  /** A single folder or file name: a table name, a zone, a run id. */
  static String checkSegment(String segment, String what) {
    checkArgument(segment != null && !segment.isBlank(), "%s must not be blank", what);
    checkArgument(segment.indexOf('/') < 0 && segment.indexOf('\\') < 0,
        "%s must not contain a path separator: %s", what, segment);
    checkArgument(!segment.equals(".") && !segment.equals(".."), "%s must be a name: %s", what, segment);
    return segment;
  }
}
