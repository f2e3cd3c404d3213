package io.carelake.transforms.standardize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * US state names and codes to USPS two-letter codes: the 50 states, DC, the territories PR, GU, VI, AS
 * and MP, and the military codes AA, AE and AP.
 *
 * <p>Case, spaces and periods do not matter ({@code "n.y."}, {@code " New  York "}, {@code "NEWYORK"}
 * all give {@code NY}): the lookup key is the text's letters only, so any other character (a digit, a
 * comma) makes the text unknown rather than guessed at.
 */
public final class UsStates {
  private static final Map<String, String> CODES_BY_KEY = codesByKey();

  private static Map<String, String> codesByKey() {
    String[][] states = {
      {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"},
      {"CA", "California"}, {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"},
      {"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"},
      {"IL", "Illinois"}, {"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"},
      {"KY", "Kentucky"}, {"LA", "Louisiana"}, {"ME", "Maine"}, {"MD", "Maryland"},
      {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"}, {"MS", "Mississippi"},
      {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
      {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
      {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"},
      {"OR", "Oregon"}, {"PA", "Pennsylvania"}, {"RI", "Rhode Island"}, {"SC", "South Carolina"},
      {"SD", "South Dakota"}, {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"},
      {"VT", "Vermont"}, {"VA", "Virginia"}, {"WA", "Washington"}, {"WV", "West Virginia"},
      {"WI", "Wisconsin"}, {"WY", "Wyoming"},
      {"DC", "District of Columbia", "Washington DC", "Washington D.C."},
      {"PR", "Puerto Rico"}, {"GU", "Guam"},
      {"VI", "Virgin Islands", "U.S. Virgin Islands", "United States Virgin Islands"},
      {"AS", "American Samoa"}, {"MP", "Northern Mariana Islands"},
      {"AA", "Armed Forces Americas"},
      {"AE", "Armed Forces Europe", "Armed Forces Africa", "Armed Forces Canada",
          "Armed Forces Middle East"},
      {"AP", "Armed Forces Pacific"},
    };
    Map<String, String> codes = new HashMap<>();
    for (String[] state : states) {
      for (String spelling : state) {
        codes.put(key(spelling), state[0]);
      }
    }
    return Map.copyOf(codes);
  }

  private UsStates() {}

  /** The USPS code of a state name or code, or null when {@code text} is neither. */
  public static @Nullable String toCode(@Nullable String text) {
    if (text == null) {
      return null;
    }
    if (text.length() == 2 && isUpperAscii(text.charAt(0)) && isUpperAscii(text.charAt(1))) {
      return CODES_BY_KEY.get(text);
    }
    String key = key(text);
    return key == null ? null : CODES_BY_KEY.get(key);
  }

  private static boolean isUpperAscii(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static @Nullable String key(String text) {
    StringBuilder key = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        key.append(c);
      } else if (c != '.' && !Character.isWhitespace(c)) {
        return null;
      }
    }
    return key.toString().toUpperCase(Locale.ROOT);
  }
}
