package io.carelake.transforms.standardize;

import java.util.HashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Gender as delivered to a small code set: {@link #MALE}, {@link #FEMALE}, {@link #NON_BINARY} (non-binary
 * or other) and {@link #UNKNOWN} (unknown, undisclosed or declined). Unknown and declined are one code
 * because no downstream use tells them apart and sources mix them freely.
 *
 * <p>Case, spaces, hyphens and underscores do not matter ({@code "Non-Binary"}, {@code "non binary"}).
 */
public final class Genders {
  public static final String MALE = "M";
  public static final String FEMALE = "F";
  public static final String NON_BINARY = "X";
  public static final String UNKNOWN = "U";

  private static final Map<String, String> CODES_BY_KEY = codesByKey();

  private static Map<String, String> codesByKey() {
    Map<String, String> codes = new HashMap<>();
    for (String spelling : new String[] {"m", "male", "man"}) {
      codes.put(spelling, MALE);
    }
    for (String spelling : new String[] {"f", "female", "woman"}) {
      codes.put(spelling, FEMALE);
    }
    for (String spelling : new String[] {"x", "nonbinary", "nb", "other", "o"}) {
      codes.put(spelling, NON_BINARY);
    }
    for (String spelling : new String[] {
        "u", "unknown", "unk", "notspecified", "unspecified", "undisclosed", "declined",
        "declinedtoanswer", "declinedtostate", "prefernottosay", "prefernottoanswer", "notdisclosed"}) {
      codes.put(spelling, UNKNOWN);
    }
    return Map.copyOf(codes);
  }

  private Genders() {}

  /** The code of {@code text}, or null when it is not a recognised spelling. */
  public static @Nullable String toCode(@Nullable String text) {
    if (text == null) {
      return null;
    }
    StringBuilder key = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '-' && c != '_' && !Character.isWhitespace(c)) {
        key.append(Character.toLowerCase(c));
      }
    }
    return CODES_BY_KEY.get(key.toString());
  }
}
