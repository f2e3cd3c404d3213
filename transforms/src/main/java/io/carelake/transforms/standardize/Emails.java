package io.carelake.transforms.standardize;

import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Email addresses: trimmed and lower-cased, so that one member's address compares (and tokenises) equal
 * whatever its spelling in the source file. Lower-casing the local part is not RFC-exact, but no
 * mainstream provider treats it as case-sensitive.
 */
public final class Emails {
  private Emails() {}

  /** {@code text} trimmed and in lower case; null when it is null or blank. */
  public static @Nullable String normalize(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    return trimmed.isEmpty() ? null : trimmed.toLowerCase(Locale.ROOT);
  }

  /**
   * A light shape check, not RFC 5322: exactly one {@code @} with text before it, a dot inside the
   * domain (neither its first nor its last character), and no whitespace. It catches swapped columns and typed placeholders,
   * not every undeliverable address.
   */
  public static boolean isValid(@Nullable String text) {
    if (text == null) {
      return false;
    }
    int at = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return false;
      }
      if (c == '@') {
        if (at >= 0) {
          return false;
        }
        at = i;
      }
    }
    if (at <= 0) {
      return false;
    }
    int firstDomainDot = text.indexOf('.', at + 1);
    return firstDomainDot > at + 1 && text.charAt(text.length() - 1) != '.';
  }
}
