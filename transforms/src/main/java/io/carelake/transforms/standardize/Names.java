package io.carelake.transforms.standardize;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Person and place names: trimmed, with each run of inner whitespace (tabs, line breaks, the no-break
 * spaces that spreadsheets paste in) turned into one space. Case is kept: names such as "McDonald" or
 * "de la Cruz" cannot be re-cased by rule.
 */
public final class Names {
  private Names() {}

  /** {@code text} with its whitespace normalised; null when it is null or blank. */
  public static @Nullable String normalize(@Nullable String text) {
    if (text == null) {
      return null;
    }
    int length = text.length();
    if (isClean(text)) {
      return length == 0 ? null : text;
    }
    StringBuilder name = new StringBuilder(length);
    boolean pendingSpace = false;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        pendingSpace = name.length() > 0;
      } else {
        if (pendingSpace) {
          name.append(' ');
          pendingSpace = false;
        }
        name.append(c);
      }
    }
    return name.length() == 0 ? null : name.toString();
  }

  /** Whether the text needs no change, so that most names are returned without a copy. */
  private static boolean isClean(String text) {
    boolean previousSpace = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = isSpace(c);
      if (space && (previousSpace || c != ' ')) {
        return false;
      }
      previousSpace = space;
    }
    return !previousSpace || text.isEmpty();
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
